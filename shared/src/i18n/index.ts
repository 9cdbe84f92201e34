import type { Language } from '../domain/sitting-kinds.js';
import { en } from './en.js';
import { kk } from './kk.js';
import { ru } from './ru.js';

/** The catalogues share en's shape, so a key missing in kk or ru fails typecheck. */
export type Catalogue = typeof en;
export const catalogues: Record<Language, Catalogue> = { kk, ru, en };
