import type { SheetRejectReason, SheetStatus } from '../../api/answer-sheets.js';
import type { DrawBlock } from '../../api/ticket-draw.js';

/**
 * The student's side of written, oral and state exams (exam-procedures.md, "Oral and written
 * exams with tickets"): the closed-ticket draw, the writing time, the answer sheets, the result.
 */
export const writtenExamEn = {
  draw: {
    title: 'Exam ticket',
    intro:
      'The tickets lie face down. Pick one card: its ticket number and questions then show here. Write the questions down on your answer sheet.',
    commitment: 'Draw fingerprint',
    commitmentLabel: 'Draw fingerprint {{hash}}',
    whatIsThis: 'What is this?',
    commitmentExplained:
      'Before anyone drew, the order of the tickets was fixed in secret and this fingerprint (a SHA-256 hash) of it was published. Nobody can change the order afterwards without the fingerprint changing. When staff end the draw, the order is published, so you and anyone else can check that every ticket was dealt from it.',
    fullHash: 'Full fingerprint',
    table: 'Tickets face down',
    faceDown: 'Tickets face down: {{count}}',
    round: 'Round {{round}} of {{rounds}}',
    card: 'Card {{number}} of {{total}}',
    confirmTitle: 'Draw card {{number}}?',
    confirmBody:
      'This draw is final: the ticket under this card is your ticket for the exam and cannot be exchanged.',
    confirm: 'Draw this ticket',
    cancel: 'Choose another card',
    drawing: 'Drawing…',
    taken: 'Another student took a card a moment ago. The table is up to date again: pick a card.',
    blocked: {
      not_admitted: 'You can draw a ticket once the proctor has admitted you.',
      sitting_ended: 'Your sitting is over: no ticket can be drawn.',
      draw_closed:
        'The draw is closed: the order of the tickets has been published, so a new draw would not be fair. Tell your proctor.',
      no_tickets_left: 'Every ticket has been drawn. Tell your proctor.',
    } satisfies Record<DrawBlock, string>,
    ticket: 'Ticket No. {{number}}',
    questions: 'Questions of the ticket',
    drawnAt: 'Drawn at {{time}}: card {{card}} of {{faceDown}}, round {{round}}',
  },
  check: {
    title: 'Check the draw',
    intro:
      'Once staff end the draw, the order and the secret salt are published. Your browser can then check that they give the fingerprint you were shown and that every ticket was dealt by the rules.',
    button: 'Check the draw',
    checking: 'Checking…',
    notYet: 'The order has not been published yet: it is published when staff end the draw. Try again later.',
    ok: 'The draw checks out: the published order gives the fingerprint shown before the draw, and every draw follows from it (draws checked: {{count}}).',
    mine: 'Your card {{card}} of {{faceDown}} in round {{round}} is ticket No. {{number}} in the published order.',
    commitmentChanged:
      'The draw does not check out: the published fingerprint is not the one shown to you before the draw.',
    mismatch: 'The draw does not check out (draw No. {{draw}}): {{reason}}',
    planMismatch: 'The draw does not check out: {{reason}}',
    mineMissing: 'The published draw does not contain your ticket No. {{number}} as you drew it.',
    tellProctor: 'Tell your proctor and keep a screenshot.',
  },
  writing: {
    title: 'Writing time',
    intro:
      'Write your answers by hand on numbered A4 sheets (top left: discipline, full name, date, signature). Camera, microphone and screen stay on until you leave.',
    running: 'Writing',
    paused: 'The proctor paused the exam: the time stands still.',
    suspended:
      'Your camera or your screen stopped reaching the proctor: turn it back on in the devices panel above.',
    clockStopped: 'The writing time is stopped until the proctor receives it again.',
    clockRuns: 'The writing time keeps running: turn it back on quickly.',
    timeUp: 'Time is up. Wait a moment…',
    over: 'Writing time is over. Photograph and upload your answer sheets below.',
    finish: 'I have finished writing',
    confirmTitle: 'Finish writing?',
    confirmBody:
      'You cannot return to writing afterwards. Then you photograph every answer sheet and upload it.',
    confirm: 'Yes, I have finished',
    cancel: 'Keep writing',
    finishing: 'Finishing…',
  },
  sheets: {
    title: 'Answer sheets',
    intro:
      'Photograph every answer sheet in page order and upload it. Lay the sheet flat in good light, with all four edges in the photo and the text sharp.',
    page: 'Page {{number}}',
    photo: 'Photo of page {{number}}',
    photoHint: 'On a phone this opens the camera.',
    webcam: 'Take page {{number}} with the webcam',
    preview: 'Photo of page {{number}} before upload',
    upload: 'Upload page {{number}}',
    uploading: 'Uploading…',
    progress: 'Upload of page {{number}}',
    moveUp: 'Move page {{number}} up',
    moveDown: 'Move page {{number}} down',
    remove: 'Remove page {{number}}',
    addPage: 'Add a page',
    maxPages: 'At most {{count}} pages can be uploaded.',
    checking: 'Checking the photo…',
    warnings: {
      title: 'Check this photo',
      blurred: 'The photo looks blurred: hold the phone still and take it again.',
      dark: 'The photo is too dark: turn on a light or move to a window.',
      edges:
        'The edge of the sheet is not visible on every side ({{sides}}): part of the page may be cut off.',
      unchecked: 'This photo could not be checked in the browser; the proctor will check it.',
      uploadAnyway: 'You can still upload it, but the proctor may ask you to photograph the page again.',
    },
    sides: { top: 'top', right: 'right', bottom: 'bottom', left: 'left' },
    refused: {
      tooBig: 'The photo is too large: at most {{mb}} MB.',
      wrongType: 'This file is not a photo the server accepts (JPEG, PNG, WebP or HEIC).',
      conflict:
        'The server did not take this photo for page {{number}}: the same photo may already be another page, the page may have been accepted, or uploads may be closed for you. Check the list above or ask the proctor.',
      badPage: 'The page number is not accepted (at most {{count}} pages).',
      samePhoto: 'This is the same photo as the rejected one: take a new photo of page {{number}}.',
      forbidden: 'You may not upload answer sheets here.',
      rateLimited: 'Too many uploads in a short time: wait a minute and try again.',
      network:
        'The connection dropped and the upload could not continue. Try again: it resumes where it stopped.',
      other: 'The server did not store the photo. Try again.',
    },
    uploaded: 'Uploaded pages',
    none: 'No pages uploaded yet.',
    thumbnail: 'Page {{number}} as uploaded',
    openFull: 'Open page {{number}} full size',
    statusLabel: 'Status: {{status}}',
    status: {
      pending: 'Waiting for the proctor',
      accepted: 'Accepted',
      rejected: 'Rejected',
    } satisfies Record<SheetStatus, string>,
    reason: 'Reason: {{reason}}',
    note: 'Proctor’s note: {{note}}',
    reasons: {
      blurred: 'Blurred',
      dark: 'Too dark',
      cut_off: 'Part of the page is cut off',
      wrong_page: 'Wrong page or page number',
      unreadable: 'Cannot be read',
      other: 'Other',
    } satisfies Record<SheetRejectReason, string>,
    serverBlurred: 'The server’s check finds this photo blurred.',
    converted: 'Converted from HEIC to JPEG.',
    uploadAgain: 'Upload page {{number}} again',
    allAccepted: 'All pages accepted — wait for the proctor to let you go.',
    closed: 'Uploads are closed for this sitting.',
  },
  webcam: {
    title: 'Photograph page {{number}}',
    hint: 'Hold the sheet up to the camera, flat and filling the picture.',
    starting: 'Starting the camera…',
    take: 'Take photo',
    cancel: 'Cancel',
    failed: 'The camera could not be opened: {{reason}}',
  },
  result: {
    title: 'Result',
    waiting: 'Your grade will be published by the examiner.',
    percent: 'Percent',
    letter: 'Letter grade',
    points: 'GPA points',
    traditional: 'Traditional grade',
    comment: 'Examiner’s comment',
    publishedAt: 'Published {{time}}',
    protocol: 'Commission protocol',
    protocolValue: 'No. {{number}} of {{date}}',
  },
};

export type WrittenExamCatalogue = typeof writtenExamEn;
