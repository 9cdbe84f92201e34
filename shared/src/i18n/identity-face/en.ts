/**
 * The face photo with liveness on the student's device (issue 7): hints while the face is
 * brought into the oval, the challenges and their outcome. Directions are as the student sees
 * them on the mirrored preview.
 */
export const identityFaceEn = {
  title: 'Face photo',
  intro:
    'Bring your face into the oval. The photo is taken by itself when your face is in place and still. Then follow two short instructions, so the check sees that it is really you in front of the camera.',
  cameraLabel: 'Your camera (shown like a mirror)',
  starting: {
    camera: 'Turning on the camera…',
    backend: 'Starting the face check…',
    models: 'Loading the face model…',
    warmup: 'Almost ready…',
  },
  hints: {
    too_dark: 'Too dark — add light: turn on a lamp or sit facing a window.',
    no_face: 'We can’t see a face. Look at the camera with your face inside the oval.',
    only_you: 'Only you should be in the picture.',
    move_closer: 'Move closer to the camera.',
    move_back: 'Move back a little.',
    centre: 'Move your face to the centre of the oval.',
    face_camera: 'Look straight at the camera.',
    hold_still: 'Hold still…',
    ready: 'Ready — the photo is taken.',
  },
  step: 'Step {{step}} of {{total}}',
  prompts: {
    blink: 'Blink: close your eyes for a moment, then open them.',
    left: 'Turn your head to the left, then look back at the camera.',
    right: 'Turn your head to the right, then look back at the camera.',
  },
  secondsLeft: '{{count}} s',
  passed: 'Face check passed.',
  failedTitle: 'The face check did not pass',
  failed: {
    timeout: 'The instruction was not done in time. Try again and do what the screen asks.',
    face_lost: 'Your face left the oval. Keep your face in the oval until the check ends.',
    others: 'Someone else came into the picture. Only you should be in the picture.',
  },
  unavailable: {
    camera: 'The camera is not available: {{reason}}',
    model: 'The face check could not start on this device: {{reason}}',
    photo: 'The photo could not be saved: {{reason}}',
  },
};
