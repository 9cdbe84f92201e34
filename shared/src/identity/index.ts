/** Identity checks that run on the student's device: the MRZ, the printed fields, the list. */

export * from './face-geometry.js';
export * from './face-guidance.js';
export * from './liveness.js';
export * from './monitoring.js';
export * from './mrz-compose.js';
export * from './mrz-read.js';
export * from './printed-fields.js';
export * from './roster-match.js';
export * from './transliterate.js';
