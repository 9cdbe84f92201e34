import type { Background } from './background';

/**
 * The student clicked our toolbar button: Chrome counts that as the user gesture tabCapture needs,
 * so we get a stream id for the exam tab and hand it to the exam page (which calls getUserMedia).
 * A stream id expires in seconds, so it is never queued for later.
 */
export async function onActionClicked(bg: Background): Promise<void> {
  const lockdown = bg.lockdown;
  if (!lockdown) return;
  try {
    const streamId = await bg.chrome.tabCaptureStreamId(lockdown.tabId, lockdown.tabId);
    await bg.post({ type: 'tab_capture', streamId }, { queue: false });
  } catch (failure) {
    const message = failure instanceof Error ? failure.message : String(failure);
    await bg.post({ type: 'tab_capture_failed', message: message.slice(0, 500) }, { queue: false });
  }
}
