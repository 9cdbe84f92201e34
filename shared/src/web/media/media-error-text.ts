import type { TFunction } from 'i18next';
import { mediaEn } from '../../i18n/media/en.js';
import type { MediaErrorCode } from './media-error.js';

type MediaOnlyCode = keyof typeof mediaEn.errors;
const isMediaOnly = (code: MediaErrorCode): code is MediaOnlyCode => code in mediaEn.errors;

/** The translated text for a media error code: media's own messages, else the API's. */
export function mediaErrorText(t: TFunction, code: MediaErrorCode): string {
  return isMediaOnly(code) ? t(`media.errors.${code}`) : t(`errors.${code}`);
}
