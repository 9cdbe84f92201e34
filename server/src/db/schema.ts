/** Every table, for drizzle's relational queries and for drizzle-kit's migration generator. */
export * from '../accounts/schema.js';
export * from '../answer-sheets/schema.js';
export * from '../appeals/schema.js';
export * from '../attempts/schema.js';
export * from '../audit/schema.js';
export * from '../banks/schema.js';
export * from '../commission-grades/schema.js';
export * from '../grades/schema.js';
export * from '../make-up/schema.js';
export * from '../media/schema.js';
export * from '../oral-queue/schema.js';
export * from '../proctoring/schema.js';
export * from '../sittings/schema.js';
export * from '../thesis-defence/schema.js';
export * from '../tickets/schema.js';
export * from '../university/schema.js';
export * from '../violations/schema.js';
