import { createHash } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Config } from '../config.js';
import { EVIDENCE_EXTENSION, type EvidenceMimeType } from './evidence-type.js';

/**
 * Where evidence files live: `<dataDir>/make-up/<sittingId>/<studentId>/<applicationId>.<ext>`.
 * The database keeps the key relative to the make-up folder.
 */
export const evidenceRoot = (config: Pick<Config, 'dataDir'>) => path.resolve(config.dataDir, 'make-up');

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Every part of a key is a UUID or a fixed extension, so no key can climb out of the folder. */
export function evidenceKey(
  sittingId: string,
  studentId: string,
  applicationId: string,
  mimeType: EvidenceMimeType,
): string {
  for (const id of [sittingId, studentId, applicationId])
    if (!UUID.test(id)) throw new Error(`not a uuid: ${id}`);
  return `${sittingId}/${studentId}/${applicationId}.${EVIDENCE_EXTENSION[mimeType]}`;
}

/** The file of a stored key; refuses any key that would resolve outside the make-up folder. */
export function evidencePath(config: Pick<Config, 'dataDir'>, key: string): string {
  const root = evidenceRoot(config);
  const file = path.resolve(root, key);
  if (!file.startsWith(`${root}${path.sep}`)) throw new Error(`evidence key outside its folder: ${key}`);
  return file;
}

export const sha256Of = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** Writes a new evidence file; `wx` because a key is never reused. */
export async function writeEvidence(file: string, bytes: Uint8Array): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, bytes, { flag: 'wx' });
}

/** Removes an evidence file whose application was not stored after all. */
export const removeEvidence = (file: string) => rm(file, { force: true });

/**
 * A download name that is safe in a header and on any disk: the student's name without its path
 * and odd characters, with the extension of what the file really is.
 */
export function downloadName(fileName: string, mimeType: EvidenceMimeType): { ascii: string; utf8: string } {
  const base =
    (fileName.split(/[\\/]/).pop() ?? '')
      .replace(/\.[^.]*$/, '')
      // Control characters, quotes and separators never reach the header.
      .replace(/[\p{Cc}"'\\/:*?<>|;]+/gu, '_')
      .trim()
      .slice(0, 120) || 'evidence';
  const extension = EVIDENCE_EXTENSION[mimeType];
  const ascii = `${base.replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^[._]+/, '') || 'evidence'}.${extension}`;
  return { ascii, utf8: `${base}.${extension}` };
}
