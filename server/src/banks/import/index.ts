export { CSV_COLUMNS } from './csv.js';
export { type ImportDefaults, type ParseResult, parseBank } from './parse-bank.js';
