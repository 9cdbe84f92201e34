import { http, type IdentityCheckView, iinBirthDate, pathFor } from '@adal/shared';

/** Where a student stands with identity: the badge on the panel and the overview row. */
export type IdentityStatus = 'none' | 'waiting' | 'verified' | 'retake' | 'rejected';

export const identityStatus = (check: IdentityCheckView | null): IdentityStatus =>
  check === null ? 'none' : (check.decision ?? 'waiting');

/** The student's latest check from the sitting's list (the server sends one per student). */
export const latestOf = (checks: readonly IdentityCheckView[], studentId: string): IdentityCheckView | null =>
  checks
    .filter((c) => c.studentId === studentId)
    .reduce<IdentityCheckView | null>((a, c) => (a === null || c.submittedAt > a.submittedAt ? c : a), null);

/** A photo of the check, loaded like the answer-sheet images: same origin, with the session cookie. */
export const photoUrl = (check: IdentityCheckView, photo: 'face' | 'document'): string =>
  `${pathFor(http.identityPhoto.path, {
    sittingId: check.sittingId,
    studentId: check.studentId,
    checkId: check.checkId,
  })}?photo=${photo}`;

/** "2034-05-11" as documents print it: 11.05.2034. */
export const documentDate = (iso: string | null): string | null => {
  const m = iso?.match(/^(\d{4})-(\d{2})-(\d{2})$/);
  return m ? `${m[3]}.${m[2]}.${m[1]}` : null;
};

export type DocumentField = 'fullName' | 'iin' | 'documentNumber' | 'birthDate' | 'expiryDate';

export interface DocumentRow {
  field: DocumentField;
  /** What the list says (null: the list does not have it). */
  listed: string | null;
  /** What the device read from the document (null: not read). */
  read: string | null;
}

/**
 * The table "field | list | read from the document". The list has no document number or expiry;
 * its birth date is the one the IIN encodes.
 */
export function documentRows(
  check: IdentityCheckView,
  roster: { fullName: string; iin: string },
): DocumentRow[] {
  const d = check.document;
  const name = [d.surname, d.givenNames].filter(Boolean).join(' ');
  const born = iinBirthDate(roster.iin);
  return [
    { field: 'fullName', listed: roster.fullName, read: name || null },
    { field: 'iin', listed: roster.iin, read: d.iin },
    { field: 'documentNumber', listed: null, read: d.documentNumber },
    {
      field: 'birthDate',
      listed: born ? documentDate(born.toISOString().slice(0, 10)) : null,
      read: documentDate(d.birthDate),
    },
    { field: 'expiryDate', listed: null, read: documentDate(d.expiryDate) },
  ];
}

/** How the document was read, for the one-line summary. */
export type OcrSource = 'mrz_valid' | 'mrz_invalid' | 'printed' | 'none';

export function ocrSource(check: IdentityCheckView): OcrSource {
  const { source, checkDigitsValid } = check.document;
  if (source === 'mrz') return checkDigitsValid ? 'mrz_valid' : 'mrz_invalid';
  return source;
}
