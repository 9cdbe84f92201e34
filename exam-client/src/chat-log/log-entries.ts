import type { FlagEpisode, LogEntry } from '@adal/shared';

/**
 * The student's Chat&log as the panel keeps it: the entries loaded with `myLog` and those pushed
 * by `log:appended`, in log order, each once; and the automatic flags going on right now.
 */

/** Whether a pushed event is about this student's log of this sitting (the socket gets all of theirs). */
export const isOwnEvent = (
  event: { sittingId: string; studentId: string },
  sittingId: string,
  studentId: string | undefined,
) => studentId !== undefined && event.sittingId === sittingId && event.studentId === studentId;

/**
 * Adds entries to the log, in seq order, each seq once. Entries are append-only (hash-chained),
 * so an entry already held is kept as it is. Returns `current` itself when nothing was new, so a
 * duplicate (the event and the response of the same message) changes nothing on screen.
 */
export function mergeEntries(
  current: readonly LogEntry[],
  incoming: readonly LogEntry[],
): readonly LogEntry[] {
  const held = new Set(current.map((e) => e.seq));
  const fresh = incoming.filter((e) => {
    if (held.has(e.seq)) return false;
    held.add(e.seq);
    return true;
  });
  if (fresh.length === 0) return current;
  return [...current, ...fresh].sort((a, b) => a.seq - b.seq);
}

/**
 * Flags going on now: an episode that began or grew is kept (the newest report of it wins); one
 * that ended leaves, since its Chat&log entry follows once it is logged.
 */
export function applyEpisode(ongoing: readonly FlagEpisode[], episode: FlagEpisode): readonly FlagEpisode[] {
  const others = ongoing.filter((e) => e.id !== episode.id);
  if (episode.endedAt !== null || episode.loggedSeq !== null) return others;
  return [...others, episode].sort((a, b) => Date.parse(a.startedAt) - Date.parse(b.startedAt));
}
