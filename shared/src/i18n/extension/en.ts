/** The proctoring extension (issue 8): the check before a computer test and exam mode during it. */
export const extensionEn = {
  title: 'Proctoring extension',
  status: {
    checking: 'Checking the proctoring extension…',
    unsupported: 'The proctoring extension works only in Google Chrome or Chromium on a computer.',
    missing: 'The proctoring extension is not installed or is turned off in this browser.',
    outdated:
      'The proctoring extension is out of date (version {{version}}). Update it to version {{minimum}} or later.',
    connected: 'The proctoring extension is connected (version {{version}}).',
    failed: 'The proctoring extension could not be checked.',
  },
  unsupportedHelp: 'Use Google Chrome or Chromium on a computer.',
  required: 'The proctoring extension is required for this test.',
  optional: 'This test does not require the extension; its state is shown for information.',
  refused: 'The extension answered with an error: {{code}}.',
  install: {
    title: 'How to install it',
    university:
      'At a university: your university installs it on exam computers (managed Chrome policy) — ask your IT office.',
    testing: 'For testing:',
    build: 'Build the extension (npm run build -w extension) or download its zip and unpack it.',
    developerMode: 'Open chrome://extensions and turn on Developer mode.',
    loadUnpacked: 'Click Load unpacked and choose the extension/dist folder.',
    reloadHint: 'Then reload this page.',
  },
  recheck: 'Check again',
  reload: 'Reload the page',
  bar: {
    label: 'Exam mode',
    on: 'Exam mode is on: other tabs are closed, copying and leaving the page are blocked and logged.',
    shareTab:
      "Click the Adal Proctor button in your browser's toolbar to share this exam tab with the proctor.",
    tabShared: 'This tab is shared with the proctor.',
    captureFailed: 'This tab could not be shared ({{message}}). Click the Adal Proctor button again.',
    startFailed: 'Exam mode could not be turned on ({{code}}). Tell the proctor.',
  },
};
