import { z } from 'zod';

/** The exam kinds of exam-procedures.md ("Before the exam", 1). */
export const SittingKind = z.enum(['computer_test', 'written', 'oral', 'state_exam', 'thesis_defence']);
export type SittingKind = z.infer<typeof SittingKind>;
export const SITTING_KINDS = SittingKind.options;

/** Control kind shown in the computer-test header: exam, current assessment, midterm 1 or 2. */
export const ControlKind = z.enum(['exam', 'current_assessment', 'midterm_1', 'midterm_2']);
export type ControlKind = z.infer<typeof ControlKind>;

/** Student's access to a sitting: red until a proctor or secretary admits them, then green. */
export const AccessStatus = z.enum(['red', 'green']);
export type AccessStatus = z.infer<typeof AccessStatus>;

export const Language = z.enum(['kk', 'ru', 'en']);
export type Language = z.infer<typeof Language>;
export const LANGUAGES = Language.options;
