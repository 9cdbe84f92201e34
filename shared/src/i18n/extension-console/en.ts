/** The proctor console's panel about the student's exam extension (issue 8). */
export const extensionConsoleEn = {
  title: 'Exam extension',
  status: {
    none: 'Not connected',
    connected: 'Connected',
    silent: 'Silent',
  },
  noneYet: 'The student’s exam extension has not connected in this sitting yet.',
  version: 'Version',
  connectedAt: 'Connected at',
  lastHeartbeat: 'Last heartbeat',
  noHeartbeat: 'none yet',
  secondsAgo: '{{count}} s ago',
  minutesAgo: '{{count}} min ago',
  lockdown: 'Lockdown',
  lockdownOn: 'On',
  lockdownOff: 'Off',
  silentWarning:
    'No heartbeat from the extension while the exam is locked down: it may have been turned off or removed. This is flagged in the log.',
  displays: 'Displays',
  manyDisplays: 'More than one display is connected.',
  extensions: 'Other extensions',
  noExtensions: 'None',
  disabled: 'turned off',
  risks: 'Risk: {{risks}}',
  notReported: 'not reported yet',
};
