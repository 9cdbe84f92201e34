import {
  MICROPHONE_CONSTRAINTS,
  PHONE_CONSTRAINTS,
  SCREEN_CONSTRAINTS,
  tabCaptureConstraints,
  WEBCAM_CONSTRAINTS,
} from './encodings.js';
import { MediaError, type MediaErrorCode, mediaErrorCode } from './media-error.js';

export interface CameraCapture {
  webcam: MediaStreamTrack | null;
  microphone: MediaStreamTrack | null;
  /** Why a device is missing. */
  errors: { webcam?: MediaErrorCode; microphone?: MediaErrorCode };
}

function mediaDevices(): MediaDevices {
  if (!navigator.mediaDevices?.getUserMedia) throw new MediaError('unsupported', 'no navigator.mediaDevices');
  return navigator.mediaDevices;
}

async function oneTrack(constraints: MediaStreamConstraints): Promise<MediaStreamTrack> {
  const stream = await mediaDevices().getUserMedia(constraints);
  const [track] = stream.getTracks();
  if (!track) throw new MediaError('no_device', 'no track');
  return track;
}

/** Camera and microphone in one prompt; when that fails, each on its own so one missing device does not hide the other. */
export async function captureCameraAndMicrophone(): Promise<CameraCapture> {
  try {
    const stream = await mediaDevices().getUserMedia({
      video: WEBCAM_CONSTRAINTS,
      audio: MICROPHONE_CONSTRAINTS,
    });
    return {
      webcam: stream.getVideoTracks()[0] ?? null,
      microphone: stream.getAudioTracks()[0] ?? null,
      errors: {},
    };
  } catch (error) {
    if (mediaErrorCode(error) === 'permission_denied' || mediaErrorCode(error) === 'unsupported')
      return {
        webcam: null,
        microphone: null,
        errors: { webcam: mediaErrorCode(error), microphone: mediaErrorCode(error) },
      };
  }
  const [video, audio] = await Promise.allSettled([
    oneTrack({ video: WEBCAM_CONSTRAINTS }),
    oneTrack({ audio: MICROPHONE_CONSTRAINTS }),
  ]);
  const errors: CameraCapture['errors'] = {};
  if (video.status === 'rejected') errors.webcam = mediaErrorCode(video.reason);
  if (audio.status === 'rejected') errors.microphone = mediaErrorCode(audio.reason);
  return {
    webcam: video.status === 'fulfilled' ? video.value : null,
    microphone: audio.status === 'fulfilled' ? audio.value : null,
    errors,
  };
}

/** Screen capture options; newer Chrome fields are not in TypeScript's DOM types yet. */
const DISPLAY_OPTIONS = {
  video: SCREEN_CONSTRAINTS,
  audio: false,
  monitorTypeSurfaces: 'include',
  selfBrowserSurface: 'exclude',
  surfaceSwitching: 'exclude',
} as DisplayMediaStreamOptions;

/**
 * The entire screen at a low frame rate. A window or a tab is stopped at once and refused with
 * `not_monitor` (exam rules: only the entire screen; the SFU refuses it too).
 */
export async function captureEntireScreen(): Promise<MediaStreamTrack> {
  const devices = mediaDevices();
  if (!devices.getDisplayMedia) throw new MediaError('unsupported', 'no getDisplayMedia');
  const stream = await devices.getDisplayMedia(DISPLAY_OPTIONS);
  const track = stream.getVideoTracks()[0];
  if (!track) throw new MediaError('no_device', 'no screen track');
  const surface = (track.getSettings() as { displaySurface?: string }).displaySurface;
  if (surface !== 'monitor') {
    for (const t of stream.getTracks()) t.stop();
    throw new MediaError('not_monitor', `shared a ${surface ?? 'unknown surface'}, not the entire screen`);
  }
  // Text stays sharp: the encoder lowers the frame rate before the resolution.
  track.contentHint = 'detail';
  return track;
}

/** The phone's rear camera (it films the monitor and the desk). */
export const capturePhoneCamera = (): Promise<MediaStreamTrack> =>
  oneTrack({ video: PHONE_CONSTRAINTS, audio: false });

/**
 * The exam tab, from the stream id the extension got with chrome.tabCapture when the student
 * clicked its button (issue 8: the proctor sees exactly what the exam page showed). The id is good
 * for this page only and for a few seconds.
 */
export async function captureExamTab(streamId: string): Promise<MediaStreamTrack> {
  // Chrome's legacy `mandatory` form is the only one that takes a tab capture id; the DOM types lack it.
  const stream = await mediaDevices().getUserMedia(tabCaptureConstraints(streamId) as MediaStreamConstraints);
  const track = stream.getVideoTracks()[0];
  if (!track) {
    for (const t of stream.getTracks()) t.stop();
    throw new MediaError('no_device', 'no exam tab track');
  }
  // Text stays sharp, as for the screen.
  track.contentHint = 'detail';
  return track;
}
