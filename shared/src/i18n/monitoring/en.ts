/** On-device monitoring during the exam (issue 7): what the student is told about it. */
export const monitoringEn = {
  title: 'On-device monitoring',
  note: 'Your camera picture is checked on this computer twice a second; only flags with one small picture each are sent to the proctor — never video from this check.',
  sent: 'Sent to the proctor: the flag (no face, more than one face, looking away, camera covered, voice, a different face), when it started and ended, how sure the check is, and one small picture per flag.',
};
