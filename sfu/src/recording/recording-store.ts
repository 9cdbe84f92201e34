import { createHash } from 'node:crypto';
import { readdir, readFile, rm, rmdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { parseCapture } from './capture-file.js';
import { ifCode, ifMissing } from './fs-errors.js';
import {
  capturePath,
  exportPath,
  parseRecordingId,
  type RecordedSource,
  SAFE_ID,
  SegmentSidecar,
  sidecarPath,
  writeSidecar,
} from './segment.js';

/** A segment as listed: its sidecar, plus the microphone segments a webcam export combines (and back). */
export interface RecordingInfo extends SegmentSidecar {
  /** For webcam: the microphone segments whose audio its WebM carries; for microphone: those webcams. */
  combinedWith: string[];
}

/** What a deletion removed, for the server's audit log. */
export interface DeletedRecording {
  id: string;
  sittingId: string;
  studentId: string;
  source: SegmentSidecar['source'];
  start: string;
  end: string | null;
  bytes: number;
  sha256: string | null;
}

const DAY_MS = 24 * 60 * 60 * 1000;
/** A "recording" sidecar whose capture has not changed for this long belongs to a stopped process. */
const STALE_MS = 60_000;

/** A student's microphone is recorded on its own and goes into the WebM of their webcam. */
const PARTNER: Partial<Record<RecordedSource, RecordedSource>> = {
  webcam: 'microphone',
  microphone: 'webcam',
};

const overlaps = (a: SegmentSidecar, b: SegmentSidecar) =>
  Date.parse(a.start) <= Date.parse(b.end ?? new Date().toISOString()) &&
  Date.parse(b.start) <= Date.parse(a.end ?? new Date().toISOString());

/** The segments on disk: one folder per sitting, a capture + sidecar (+ cached WebM) per segment. */
export class RecordingStore {
  constructor(
    readonly root: string,
    /** Ids of segments being written right now: never recovered or deleted. */
    private readonly isLive: (id: string) => boolean,
  ) {}

  sittingDir(sittingId: string): string {
    return join(this.root, sittingId);
  }

  async sittings(): Promise<string[]> {
    const entries = await readdir(this.root, { withFileTypes: true }).catch(ifMissing([]));
    return entries.filter((e) => e.isDirectory() && SAFE_ID.test(e.name)).map((e) => e.name);
  }

  /** Every readable sidecar of a sitting (or of one student's source in it), oldest first. */
  async sidecars(
    sittingId: string,
    only?: { studentId: string; source: RecordedSource },
  ): Promise<SegmentSidecar[]> {
    if (!SAFE_ID.test(sittingId)) return [];
    const dir = this.sittingDir(sittingId);
    // File names start with `<studentId>.<source>.`, so one student's segments need no other reads.
    const prefix = only ? `${only.studentId}.${only.source}.` : '';
    const names = await readdir(dir).catch(ifMissing([]));
    const sidecars: SegmentSidecar[] = [];
    for (const name of names) {
      if (!name.endsWith('.json') || !name.startsWith(prefix) || name.startsWith('.')) continue;
      const raw = await readFile(join(dir, name), 'utf8').catch(ifMissing(null));
      if (raw === null) continue;
      const parsed = SegmentSidecar.safeParse(safeJson(raw));
      if (parsed.success) sidecars.push(parsed.data);
    }
    return sidecars.sort((a, b) => a.start.localeCompare(b.start) || a.id.localeCompare(b.id));
  }

  async list(sittingId: string): Promise<RecordingInfo[]> {
    const all = await this.sidecars(sittingId);
    const byStream = new Map<string, SegmentSidecar[]>();
    for (const s of all) {
      const key = `${s.studentId}.${s.source}`;
      byStream.set(key, [...(byStream.get(key) ?? []), s]);
    }
    return all.map((s) => {
      const other = PARTNER[s.source];
      const candidates = other ? (byStream.get(`${s.studentId}.${other}`) ?? []) : [];
      return { ...s, combinedWith: candidates.filter((o) => overlaps(s, o)).map((o) => o.id) };
    });
  }

  /** The microphone segments a webcam segment's export carries (and the other way round). */
  async combinedWith(s: SegmentSidecar): Promise<SegmentSidecar[]> {
    const other = PARTNER[s.source];
    if (!other) return [];
    return (await this.sidecars(s.sittingId, { studentId: s.studentId, source: other })).filter((o) =>
      overlaps(s, o),
    );
  }

  async get(id: string): Promise<SegmentSidecar | null> {
    const parsed = parseRecordingId(id);
    if (!parsed) return null;
    const raw = await readFile(sidecarPath(this.sittingDir(parsed.sittingId), parsed.stem), 'utf8').catch(
      ifMissing(null),
    );
    const sidecar = raw === null ? null : SegmentSidecar.safeParse(safeJson(raw));
    return sidecar?.success ? sidecar.data : null;
  }

  capturePath(s: SegmentSidecar): string {
    return capturePath(this.sittingDir(s.sittingId), stemOf(s));
  }

  exportPath(s: SegmentSidecar): string {
    return exportPath(this.sittingDir(s.sittingId), stemOf(s));
  }

  /** Segments whose end is more than `days` days ago are deleted (files and cached WebM). */
  async deleteOlderThan(days: number, nowMs = Date.now()): Promise<DeletedRecording[]> {
    if (!(days >= 0)) throw new RangeError(`days must be a non-negative number, got ${days}`);
    const cutoff = nowMs - days * DAY_MS;
    const deleted: DeletedRecording[] = [];
    for (const sittingId of await this.sittings())
      deleted.push(
        ...(await this.deleteWhere(
          sittingId,
          (s) => Date.parse(s.end ?? s.start) < cutoff && s.status !== 'recording',
        )),
      );
    return deleted;
  }

  /** Every finished segment of a sitting; segments still being recorded are kept. */
  deleteSitting(sittingId: string): Promise<DeletedRecording[]> {
    return this.deleteWhere(sittingId, (s) => s.status !== 'recording');
  }

  private async deleteWhere(
    sittingId: string,
    shouldDelete: (s: SegmentSidecar) => boolean,
  ): Promise<DeletedRecording[]> {
    const deleted: DeletedRecording[] = [];
    for (const s of await this.sidecars(sittingId)) {
      if (this.isLive(s.id) || !shouldDelete(s)) continue;
      const dir = this.sittingDir(sittingId);
      // The sidecar goes last: a deletion cut short is finished by the next sweep.
      await rm(exportPath(dir, stemOf(s)), { force: true });
      await rm(capturePath(dir, stemOf(s)), { force: true });
      await rm(sidecarPath(dir, stemOf(s)), { force: true });
      const { id, studentId, source, start, end, bytes, sha256 } = s;
      deleted.push({ id, sittingId, studentId, source, start, end, bytes, sha256 });
    }
    // Only an empty folder goes (rmdir refuses otherwise): a new segment may have just started.
    if (deleted.length)
      await rmdir(this.sittingDir(sittingId)).catch(ifCode(['ENOTEMPTY', 'ENOENT'], undefined));
    return deleted;
  }

  /**
   * Closes the segments a stopped SFU left "recording": end = the last packet in the file,
   * SHA-256 and size of what is there. Run at start-up, before recording begins.
   */
  async recoverUnfinished(nowMs = Date.now()): Promise<SegmentSidecar[]> {
    const recovered: SegmentSidecar[] = [];
    for (const sittingId of await this.sittings())
      for (const s of await this.sidecars(sittingId)) {
        if (s.status !== 'recording' || this.isLive(s.id)) continue;
        const file = this.capturePath(s);
        const info = await stat(file).catch(ifMissing(null));
        if (info && nowMs - info.mtimeMs < STALE_MS) continue;
        const data = info ? await readFile(file) : Buffer.alloc(0);
        const final: SegmentSidecar = {
          ...s,
          end: s.start,
          packets: 0,
          bytes: data.length,
          sha256: info ? createHash('sha256').update(data).digest('hex') : null,
          status: 'recovered',
          endReason: 'crashed',
        };
        try {
          const records = parseCapture(data, file);
          const last = records[records.length - 1];
          final.packets = records.length;
          if (last) final.end = new Date(last.arrivalMs).toISOString();
        } catch (error) {
          const why = info ? (error as Error).message : 'the capture file is missing';
          Object.assign(final, { status: 'failed', error: why });
        }
        await writeSidecar(this.sittingDir(sittingId), final);
        recovered.push(final);
      }
    return recovered;
  }
}

export const stemOf = (s: SegmentSidecar) => s.file.replace(/\.rtp$/, '');

function safeJson(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return null;
  }
}
