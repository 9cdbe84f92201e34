import type { MediaSource } from '../../media/sources.js';

/** Live media: the student's device check and phone camera, the proctor's live view. */
export const mediaEn = {
  sources: {
    webcam: 'Camera',
    microphone: 'Microphone',
    screen: 'Screen',
    phone: 'Phone camera',
  } satisfies Record<MediaSource, string>,
  status: {
    starting: 'Connecting…',
    publishing: 'Sent to the proctor',
    reconnecting: 'Reconnecting…',
    refused: 'Refused',
    missing: 'Missing',
  },
  connection: {
    connecting: 'Connecting to the media server…',
    connected: 'Connected to the media server',
    reconnecting: 'Connection lost, reconnecting…',
    failed: 'Could not connect to the media server.',
    closed: 'Disconnected.',
  },
  errors: {
    permission_denied:
      'Access was refused. Allow the camera, microphone and screen for this site (the icon in the address bar) and try again.',
    no_device: 'No device found, or another program is using it.',
    not_monitor: 'Share your entire screen. A window or a browser tab is not accepted.',
    token_expired: 'This link has expired. Show a new QR code on the exam computer and scan it again.',
    unsupported: 'This browser cannot send video. Use a current Chrome, Edge or Firefox.',
    timeout: 'The media server did not answer. Check your internet connection.',
  },
  devices: {
    title: 'Devices',
    intro:
      'Turn on your camera and microphone and share your entire screen. The proctor sees and hears you during the exam, and everything is recorded.',
    startCamera: 'Turn on camera and microphone',
    restartCamera: 'Turn the camera on again',
    shareScreen: 'Share entire screen',
    shareAgain: 'Share entire screen again',
    screenHint: 'In the browser’s dialog choose “Entire screen”. A window or a tab is not accepted.',
    cameraPreview: 'Your camera',
    screenPreview: 'Your screen',
    statusTitle: 'What the proctor receives',
    ready: 'Camera, microphone and screen are on.',
  },
  phone: {
    title: 'Phone as a second camera',
    intro:
      'Scan this code with your phone’s camera. The page that opens sends the phone’s rear camera to the proctor.',
    placement:
      'Place the phone to the side and a little behind you, at an angle, so that the monitor and the whole desk are both visible. Keep it on a charger with its sound off.',
    qrLabel: 'QR code that opens the phone camera page',
    openLink: 'Or open this link on the phone',
    newCode: 'Show a new code',
    statusElsewhere: 'The phone shows its own status; the proctor sees whether its camera is live.',
    pageTitle: 'Phone camera',
    pageIntro: 'This phone films your monitor and desk for the proctor during the exam.',
    start: 'Start the camera',
    keepOpen: 'Keep this page open and the screen on until the exam ends.',
    badLink: 'This link is not valid. Scan the QR code shown on the exam computer.',
    preview: 'What the phone camera sees',
  },
  live: {
    open: 'Live view',
    openLabel: 'Live view: {{discipline}}',
    title: 'Live: {{discipline}}',
    intro:
      'Every student’s camera at low quality. Select a student to see the camera in full quality, the screen and the phone camera.',
    back: 'Back to my sittings',
    notAllowed: 'You are not assigned to this sitting.',
    select: 'Select {{name}}',
    selected: 'Selected student',
    close: 'Close',
    listen: 'Listen',
    stopListening: 'Stop listening',
    noVideo: 'No video',
    missingSource: {
      webcam: 'Camera off',
      microphone: 'Microphone off',
      screen: 'Screen not shared',
      phone: 'Phone camera off',
    } satisfies Record<MediaSource, string>,
    quality: {
      good: 'Good connection',
      fair: 'Unstable connection',
      poor: 'Poor connection',
      pending: 'Measuring the connection…',
      offline: 'Not connected',
    },
  },
};
export type MediaCatalogue = typeof mediaEn;
