import { editDistance, foldVariants, toMrzLatin } from './transliterate.js';

/** What the document says about its holder, from the MRZ or the printed fields. */
export interface DocumentHolder {
  surname: string | null;
  givenNames: string | null;
  iin: string | null;
  expiryDate: string | null;
}

/** The student as the sitting's list has them. */
export interface RosterPerson {
  fullName: string;
  iin: string;
}

export type RosterMatchVerdict = 'match' | 'partial' | 'mismatch';

export type RosterMatchReason =
  | 'iin_matches'
  | 'iin_differs'
  | 'iin_unreadable'
  | 'name_matches'
  | 'name_close'
  | 'name_differs'
  | 'name_unreadable'
  | 'document_expired';

export interface RosterMatch {
  verdict: RosterMatchVerdict;
  reasons: RosterMatchReason[];
}

const words = (name: string) => foldVariants(toMrzLatin(name)).split(' ').filter(Boolean);

/** Each of the document's words found in the list's name exactly, or with one slip per 6 letters. */
function compareNames(listName: string, documentName: string): 'same' | 'close' | 'different' {
  const listed = words(listName);
  const printed = words(documentName);
  if (printed.length === 0 || listed.length === 0) return 'different';
  let close = false;
  for (const word of printed) {
    if (listed.includes(word)) continue;
    const best = Math.min(...listed.map((l) => editDistance(l, word)));
    if (best > Math.max(1, Math.floor(word.length / 6))) return 'different';
    close = true;
  }
  return close ? 'close' : 'same';
}

/**
 * The document against the list: the IIN must be exact; names are compared in MRZ Latin,
 * transliteration-aware and forgiving a misread letter. match: IIN and name agree; partial: one
 * agrees and the other is unreadable or only close; mismatch: either disagrees, or the document
 * has expired. The proctor decides; this explains.
 */
export function compareWithRoster(holder: DocumentHolder, person: RosterPerson, today: string): RosterMatch {
  const reasons: RosterMatchReason[] = [];
  const iin = holder.iin === null ? 'unreadable' : holder.iin === person.iin ? 'same' : 'different';
  reasons.push(iin === 'same' ? 'iin_matches' : iin === 'different' ? 'iin_differs' : 'iin_unreadable');

  const documentName = [holder.surname, holder.givenNames].filter(Boolean).join(' ');
  const name = documentName.trim() === '' ? 'unreadable' : compareNames(person.fullName, documentName);
  reasons.push(
    name === 'same'
      ? 'name_matches'
      : name === 'close'
        ? 'name_close'
        : name === 'different'
          ? 'name_differs'
          : 'name_unreadable',
  );
  const expired = holder.expiryDate !== null && holder.expiryDate < today;
  if (expired) reasons.push('document_expired');

  if (iin === 'different' || name === 'different' || expired) return { verdict: 'mismatch', reasons };
  if (iin === 'same' && name === 'same') return { verdict: 'match', reasons };
  return { verdict: 'partial', reasons };
}
