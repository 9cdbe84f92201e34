import type { ExtensionStatus } from '@adal/shared';

export type ExtensionState = 'none' | 'connected' | 'silent';

/** What the panel's badge says: never connected, connected, or silent (a flag is open). */
export function extensionState(status: ExtensionStatus | null): ExtensionState {
  if (!status?.handshakeAt) return 'none';
  return status.silent ? 'silent' : 'connected';
}

/** "12 s ago" or "3 min ago", as parts to translate; a clock slightly ahead reads as 0 s. */
export function ago(iso: string, now: number): { unit: 'seconds' | 'minutes'; count: number } {
  const seconds = Math.max(0, Math.floor((now - Date.parse(iso)) / 1000));
  return seconds < 120
    ? { unit: 'seconds', count: seconds }
    : { unit: 'minutes', count: Math.floor(seconds / 60) };
}
