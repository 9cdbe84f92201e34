import type { ImportLineError } from '@adal/shared';

/** A question as a format parser read it, with the line it stands on. */
export interface DraftQuestion {
  line: number;
  text: string;
}

/** A ticket as a format parser read it, before limits, duplicates and the shared schema (finalise.ts). */
export interface DraftTicket {
  number: number;
  /** The line of its heading (text) or of its first row (CSV). */
  line: number;
  questions: DraftQuestion[];
}

/** What each format parser returns: tickets it could read and errors on the lines it could not. */
export interface FormatOutput {
  tickets: DraftTicket[];
  errors: ImportLineError[];
}
