import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Config } from '../config.js';

/**
 * Where answer sheets live: `<dataDir>/answer-sheets/<sittingId>/<studentId>/<sheetId>.jpg` and
 * `….thumb.jpg`; unfinished tus uploads under `<dataDir>/answer-sheets/uploads/`. The database
 * keeps keys relative to the answer-sheets folder.
 */
export const sheetsRoot = (config: Pick<Config, 'dataDir'>) => path.resolve(config.dataDir, 'answer-sheets');
export const stagingDir = (config: Pick<Config, 'dataDir'>) => path.join(sheetsRoot(config), 'uploads');

export interface SheetKeys {
  storageKey: string;
  thumbnailKey: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Keys of a new sheet's image and thumbnail; every part is a UUID, so no key can climb out. */
export function sheetKeys(sittingId: string, studentId: string, sheetId: string): SheetKeys {
  for (const id of [sittingId, studentId, sheetId]) if (!UUID.test(id)) throw new Error(`not a uuid: ${id}`);
  const folder = `${sittingId}/${studentId}`;
  return { storageKey: `${folder}/${sheetId}.jpg`, thumbnailKey: `${folder}/${sheetId}.thumb.jpg` };
}

/** The file of a stored key; refuses any key that would resolve outside the answer-sheets folder. */
export function sheetPath(config: Pick<Config, 'dataDir'>, key: string): string {
  const root = sheetsRoot(config);
  const file = path.resolve(root, key);
  if (!file.startsWith(`${root}${path.sep}`) || file.startsWith(`${stagingDir(config)}${path.sep}`))
    throw new Error(`answer-sheet key outside its folder: ${key}`);
  return file;
}

export async function ensureFolderOf(file: string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
}

/** Removes files written for a sheet that was not stored after all. */
export async function removeFiles(...files: string[]): Promise<void> {
  await Promise.all(files.map((f) => rm(f, { force: true })));
}
