/** Live media in the browser: SFU connection, publishing a student's sources, watching a sitting. */
export {
  type CameraCapture,
  captureCameraAndMicrophone,
  captureEntireScreen,
  captureExamTab,
  capturePhoneCamera,
} from './capture.js';
export {
  DEFAULT_FORWARDED_KBPS,
  FULL_LAYER,
  GRID_LAYER,
  produceOptions,
  SCREEN_ENCODINGS,
  TAB_ENCODINGS,
  WEBCAM_ENCODINGS,
} from './encodings.js';
export { isMediaError, MediaError, type MediaErrorCode, mediaErrorCode } from './media-error.js';
export { mediaErrorText } from './media-error-text.js';
export { PHONE_PATH, type PhoneLink, parsePhoneLink, phoneLinkUrl } from './phone-link.js';
export {
  type OwnProducers,
  Publisher,
  type PublishSnapshot,
  type PublishStatus,
  type SourceState,
} from './publish.js';
export { SfuConnection, type SfuConnectionState, type SfuSession } from './sfu-connection.js';
export { TrackView } from './TrackView.js';
export {
  apiTokenSource,
  fixedTokenSource,
  type MediaTicket,
  type MediaTokenSource,
  tokenExpiry,
} from './token-source.js';
export { type ConnectionStatus, useFeedTrack, usePublisher, useWatcher } from './use-media.js';
export { desiredConsumerState, type FeedSubscription, type FeedWish, Watcher } from './watch.js';
