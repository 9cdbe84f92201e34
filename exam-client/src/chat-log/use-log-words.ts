import type { LogEntry } from '@adal/shared';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { durationParts, type EntryLabel, labelOf } from './entry-label.js';
import type { GuardedSource } from './instructions.js';

/** The panel's words for labels, durations and lost sources, in the student's language. */
export function useLogWords() {
  const { t } = useTranslation();

  const duration = useCallback(
    (ms: number) => {
      const parts = durationParts(ms);
      if (parts.unit === 'seconds') return t('studentLog.duration.seconds', { s: parts.s });
      if (parts.unit === 'minutes') return t('studentLog.duration.minutes', { m: parts.m, s: parts.s });
      return t('studentLog.duration.hours', { h: parts.h, m: parts.m });
    },
    [t],
  );

  const label = useCallback(
    (l: EntryLabel): string => {
      switch (l.source) {
        case 'auto_flag':
          return t(`studentLog.entry.auto_flag.${l.type}`);
        case 'proctor':
          return t(`studentLog.entry.proctor.${l.type}`);
        case 'system':
          return t(`studentLog.entry.system.${l.type}`);
        case 'chat':
          return t(`studentLog.entry.chat.${l.type}`);
        case 'media':
          return t(`studentLog.entry.media.${l.type}`, {
            device: t(`studentLog.devices.${l.device ?? 'unknown'}`),
          });
        case 'raw':
          return l.type;
      }
    },
    [t],
  );

  const sources = useCallback(
    (list: readonly GuardedSource[]) =>
      list.map((s) => t(`studentLog.devices.${s}`)).join(t('studentLog.suspended.and')),
    [t],
  );

  return useMemo(
    () => ({ duration, label, sources, entryLabel: (e: LogEntry) => label(labelOf(e)) }),
    [duration, label, sources],
  );
}
