import type { TFunction } from 'i18next';
import { ApiError, type ClientErrorCode } from './api-client.js';

/** The catalogue key for any thrown value: clients translate by code, never show server text. */
export function errorCode(error: unknown): ClientErrorCode {
  return error instanceof ApiError ? error.code : 'internal';
}

export const errorMessage = (t: TFunction, error: unknown): string => t(`errors.${errorCode(error)}`);
