/** Browser kit shared by the exam client and the proctor console (React is a peer dependency). */
export { AccessBadge } from './AccessBadge.js';
export { AppShell, AuthGate } from './AppShell.js';
export {
  ApiError,
  type CallApi,
  type CallOptions,
  type ClientErrorCode,
  callApi,
  createApiClient,
  errorFromResponse,
  isApiError,
  urlFor,
} from './api-client.js';
export { type Auth, AuthProvider, type AuthState, useAuth } from './auth.js';
export { clockOffset, formatTimeLeft, type SkewedDeadline, timeLeftMs } from './clock.js';
export { errorCode, errorMessage } from './error-message.js';
export { formatDate, formatDateTime, formatTime } from './format.js';
export { createI18n, initialLanguage } from './i18n.js';
export { LANGUAGE_NAMES, LanguageSwitch } from './LanguageSwitch.js';
export { LoginForm } from './LoginForm.js';
export {
  DEFAULT_LANGUAGE,
  LANGUAGE_STORAGE_KEY,
  LOCALES,
  languageFromTag,
  resolveLanguage,
} from './language.js';
export { type LanguageControl, LanguageProvider, useLanguage } from './language-context.js';
export { EmptyState, ErrorNotice, LiveIndicator, Loading } from './StatusViews.js';
export {
  type AdalSocket,
  type SocketState,
  serverEventSchemas,
  useOnConnect,
  useServerEvent,
  useSocket,
} from './socket.js';
export { aborted, type OnProgress, postWithProgress, type UploadCallbacks } from './upload.js';
export { useDocumentTitle } from './use-document-title.js';
export { type Resource, type ResourceState, useResource } from './use-resource.js';
export { WebRoot } from './WebRoot.js';
export { WrongAppNotice } from './WrongAppNotice.js';
