import { randomUUID } from 'node:crypto';
import type { AppContext } from '../app-context.js';
import { HttpError } from '../http/http-error.js';
import { photoTypeOf, readHead } from './photo-type.js';
import { photoQueue } from './processing-queue.js';
import { renderSheet, sha256OfFile } from './render-sheet.js';
import { ensureFolderOf, removeFiles, sheetKeys, sheetPath } from './sheet-files.js';
import { type PageUpload, type StoredSheet, samePhoto, storeSheet } from './store-sheet.js';

const notAPhoto = () =>
  new HttpError(
    'unsupported_media_type',
    'This file is not a photo: send a JPEG, PNG, WebP or HEIC picture of the answer sheet.',
  );

/**
 * A finished upload becomes a page: checked by content, hashed, the same photo again returned
 * as it is, otherwise turned upright and stripped of metadata (one photo per core at a time),
 * stored and logged. Nothing is kept of a refused file; the caller removes the upload itself.
 */
export async function acceptPhoto(ctx: AppContext, up: PageUpload, upload: string): Promise<StoredSheet> {
  const type = photoTypeOf(await readHead(upload));
  if (!type) throw notAPhoto();
  const originalSha256 = await sha256OfFile(upload);
  const same = await samePhoto(ctx.db, up, originalSha256);
  if (same) return { row: same, duplicate: true };

  const id = randomUUID();
  const keys = sheetKeys(up.sittingId, up.studentId, id);
  const out = {
    image: sheetPath(ctx.config, keys.storageKey),
    thumbnail: sheetPath(ctx.config, keys.thumbnailKey),
  };
  await ensureFolderOf(out.image);
  try {
    const rendered = await photoQueue.run(() => renderSheet(upload, type, out));
    const stored = await storeSheet(ctx, up, { id, originalSha256, keys, rendered });
    // Raced by the same photo in another upload: that one is the page.
    if (stored.duplicate) await removeFiles(out.image, out.thumbnail);
    return stored;
  } catch (error) {
    await removeFiles(out.image, out.thumbnail);
    throw error;
  }
}
