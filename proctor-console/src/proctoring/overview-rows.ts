import type {
  FlagEpisode,
  ProctoringOverview,
  ProctoringRow,
  StaffRef,
  StudentHandedOver,
} from '@adal/shared';

/** The overview's order: "needs attention" first, then the highest risk, then by name. */
export function compareRows(a: ProctoringRow, b: ProctoringRow, locale?: string): number {
  if (a.needsAttention !== b.needsAttention) return a.needsAttention ? -1 : 1;
  if (a.trust.risk !== b.trust.risk) return b.trust.risk - a.trust.risk;
  return a.fullName.localeCompare(b.fullName, locale) || a.studentId.localeCompare(b.studentId);
}

export const byAttention = (rows: readonly ProctoringRow[], locale?: string): ProctoringRow[] =>
  [...rows].sort((a, b) => compareRows(a, b, locale));

export type RowFilter = 'mine' | 'all';

/** "My students": the rows assigned to this staff member. */
export function filterRows(rows: readonly ProctoringRow[], filter: RowFilter, meId: string): ProctoringRow[] {
  return filter === 'all' ? [...rows] : rows.filter((row) => row.proctor?.id === meId);
}

/**
 * Where the filter starts: with several proctors each looks after their own share, so a proctor
 * of the sitting starts on "My students"; everyone else (commission, a single proctor) on "All".
 */
export function defaultFilter(proctors: readonly StaffRef[], meId: string): RowFilter {
  return proctors.length > 1 && proctors.some((p) => p.id === meId) ? 'mine' : 'all';
}

/** One student's row replaced (the answer to a hand-over); unknown students change nothing. */
export function replaceRow<O extends ProctoringOverview>(overview: O, row: ProctoringRow): O {
  const index = overview.students.findIndex((s) => s.studentId === row.studentId);
  if (index < 0) return overview;
  const students = [...overview.students];
  students[index] = row;
  return { ...overview, students };
}

/** A live `student:handedOver` applied at once (a refetch follows and confirms it). */
export function applyHandedOver<O extends ProctoringOverview>(overview: O, event: StudentHandedOver): O {
  if (event.sittingId !== overview.sittingId) return overview;
  const row = overview.students.find((s) => s.studentId === event.studentId);
  if (!row || row.proctor?.id === event.proctor.id) return overview;
  return replaceRow(overview, { ...row, proctor: event.proctor });
}

/** What the live grid needs of a student's overview row. */
export interface TileRisk {
  risk: number;
  needsAttention: boolean;
}

/**
 * The live grid in the overview's order. Students the overview does not list yet (or every
 * student, while it is loading or refused) keep their roster order after the ranked ones.
 */
export function orderByOverview<T extends { studentId: string }>(
  students: readonly T[],
  rows: readonly ProctoringRow[] | null,
  locale?: string,
): T[] {
  if (!rows) return [...students];
  const rank = new Map(byAttention(rows, locale).map((row, index) => [row.studentId, index]));
  const unranked = rows.length;
  return students
    .map((student, index) => ({ student, index, rank: rank.get(student.studentId) ?? unranked }))
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .map(({ student }) => student);
}

export function tileRisks(rows: readonly ProctoringRow[] | null): Map<string, TileRisk> {
  return new Map(
    (rows ?? []).map((row) => [row.studentId, { risk: row.trust.risk, needsAttention: row.needsAttention }]),
  );
}

/** Risk as shown: whole numbers stay whole, others keep their one decimal ("7", "12.5"). */
export const formatScore = (n: number, locale?: string): string =>
  new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(n);

/** A running duration: "0:42", "12:05", "1:02:09". */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = String(total % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${minutes}:${seconds}`;
}

/** How long an ongoing flag has lasted, on the server's clock (offset = server − local). */
export const runningFor = (
  episode: Pick<FlagEpisode, 'startedAt'>,
  localNow: number,
  offset: number,
): number => Math.max(0, localNow + offset - Date.parse(episode.startedAt));

/** The flags still going on, the longest first (the one that started earliest). */
export const ongoingFirstStarted = (episodes: readonly FlagEpisode[]): FlagEpisode[] =>
  episodes
    .filter((e) => e.endedAt === null)
    .sort((a, b) => Date.parse(a.startedAt) - Date.parse(b.startedAt) || a.type.localeCompare(b.type));

/** A colour band for the risk (the number is always shown too). */
export type RiskLevel = 'low' | 'medium' | 'high';
export const riskLevel = (risk: number): RiskLevel => (risk >= 50 ? 'high' : risk >= 20 ? 'medium' : 'low');

/** The search box: any part of the name or the IIN, ignoring case and extra spaces. */
export function matchesQuery(
  row: Pick<ProctoringRow, 'fullName' | 'iin'>,
  query: string,
  locale?: string,
): boolean {
  const words = query.trim().toLocaleLowerCase(locale).split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const haystack = `${row.fullName} ${row.iin}`.toLocaleLowerCase(locale);
  return words.every((word) => haystack.includes(word));
}

/** Counts per filter, for the filter's labels. */
export function filterCounts(rows: readonly ProctoringRow[], meId: string): Record<RowFilter, number> {
  return { all: rows.length, mine: rows.filter((row) => row.proctor?.id === meId).length };
}

/** Clock offsets closer than this are the same for a running duration shown in seconds. */
const OFFSET_TOLERANCE_MS = 1000;

/**
 * A refetched overview that keeps the previous objects wherever nothing changed, so that only
 * the rows that did change render again (a refetch can come twice a second, with 50+ rows).
 */
export function keepUnchanged<O extends ProctoringOverview & { offset: number }>(previous: O, next: O): O {
  const before = new Map(previous.students.map((row) => [row.studentId, row]));
  const students = next.students.map((row) => {
    const old = before.get(row.studentId);
    return old && sameJson(old, row) ? old : row;
  });
  return {
    ...next,
    students,
    proctors: sameJson(previous.proctors, next.proctors) ? previous.proctors : next.proctors,
    weights: sameJson(previous.weights, next.weights) ? previous.weights : next.weights,
    offset: Math.abs(next.offset - previous.offset) < OFFSET_TOLERANCE_MS ? previous.offset : next.offset,
  };
}

const sameJson = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);
