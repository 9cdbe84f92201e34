import type { DeviceCheckPolicies } from '@adal/shared';
import { useSchedule } from './schedule-context.js';

/**
 * The sitting's settings for the checks on this device (face check, monitoring), from the
 * schedule; undefined until it has loaded (the checks then use the platform defaults).
 */
export function useDeviceCheckPolicies(sittingId: string): DeviceCheckPolicies | undefined {
  const { state } = useSchedule().schedule;
  if (state.status !== 'ready') return undefined;
  return state.data.find((e) => e.sittingId === sittingId)?.deviceChecks;
}
