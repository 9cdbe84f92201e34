import type { AutoFlagType, FlagReport } from '@adal/shared';
import type { LockdownEvent, LockdownEventKind } from '@adal/shared/extension';

const FLAG_TYPE: Record<LockdownEventKind, AutoFlagType> = {
  new_tab_closed: 'new_tab',
  fullscreen_exit: 'fullscreen_exit',
  focus_lost: 'focus_lost',
  navigation_blocked: 'navigation_blocked',
  copy_blocked: 'copy_paste',
  cut_blocked: 'copy_paste',
  paste_blocked: 'copy_paste',
  context_menu_blocked: 'copy_paste',
  drag_drop_blocked: 'copy_paste',
  print_blocked: 'print_blocked',
  print_screen: 'print_blocked',
  second_display: 'second_display',
  risky_extension: 'risky_extension',
};

/**
 * Kinds that share a flag type say which action it was. Kept in English on purpose: the detail is
 * stored once and read by proctors in any interface language, like a host name.
 */
const ACTION: Partial<Record<LockdownEventKind, string>> = {
  copy_blocked: 'copy',
  cut_blocked: 'cut',
  paste_blocked: 'paste',
  context_menu_blocked: 'context menu',
  drag_drop_blocked: 'drag and drop',
  print_screen: 'PrintScreen',
};

const MAX_DETAIL = 200;

/** What the extension saw, as the flag report the server merges into an episode. */
export function flagReportOf(event: LockdownEvent): FlagReport {
  const detail = [ACTION[event.kind], event.detail?.trim()]
    .filter(Boolean)
    .join(' ')
    .slice(0, MAX_DETAIL)
    .trim();
  return {
    episodeId: event.eventId,
    type: FLAG_TYPE[event.kind],
    startedAt: event.startedAt,
    endedAt: event.endedAt,
    confidence: 100, // the extension saw it happen; nothing is guessed
    ...(detail ? { detail } : {}),
  };
}
