import { createHash, type Hash } from 'node:crypto';
import { type FileHandle, open, readFile } from 'node:fs/promises';

/**
 * The capture format: the RTP packets of one stream exactly as they arrived, so recording costs a
 * buffered append per packet and no process per stream. Layout: the 8-byte magic, then one record
 * per packet — u16 BE length, f64 BE wall-clock arrival (ms since the epoch), the RTP packet.
 * WebM is made from it later, on demand (see export-webm.ts).
 */
export const CAPTURE_MAGIC = Buffer.from('ADALRTP1', 'ascii');
const RECORD_HEADER = 10;
/** Writes are batched: at most this much waits in memory, and never longer than FLUSH_MS. */
const FLUSH_BYTES = 256 * 1024;
const FLUSH_MS = 1000;

export interface CaptureRecord {
  arrivalMs: number;
  packet: Buffer;
}

export interface CaptureSummary {
  packets: number;
  /** Size of the capture file, header included. */
  bytes: number;
  /** SHA-256 (hex) of the whole file as written. */
  sha256: string;
}

/** Appends packets to a capture file, hashing what it writes so closing needs no second read. */
export class CaptureWriter {
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private timer: NodeJS.Timeout | null = null;
  private writing: Promise<void> = Promise.resolve();
  private readonly hash: Hash = createHash('sha256');
  private failure: Error | null = null;
  private readonly file: Promise<FileHandle>;
  packets = 0;
  bytes = 0;

  /** Creates the file (never over an existing one); packets can be appended at once. */
  constructor(readonly path: string) {
    this.file = open(path, 'wx');
    // Reported through close(); without this an early failure would be an unhandled rejection.
    this.file.catch((error: Error) => {
      this.failure ??= error;
    });
    this.push(CAPTURE_MAGIC);
  }

  append(packet: Buffer, arrivalMs: number): void {
    const header = Buffer.allocUnsafe(RECORD_HEADER);
    header.writeUInt16BE(packet.length, 0);
    header.writeDoubleBE(arrivalMs, 2);
    this.push(header);
    // The socket hands over a fresh buffer per datagram, so it can be queued without a copy.
    this.push(packet);
    this.packets++;
  }

  private push(chunk: Buffer): void {
    this.pending.push(chunk);
    this.pendingBytes += chunk.length;
    this.bytes += chunk.length;
    if (this.pendingBytes >= FLUSH_BYTES) void this.flush();
    else this.timer ??= setTimeout(() => void this.flush(), FLUSH_MS).unref();
  }

  /** Writes what is queued; resolves when it (and every earlier write) is on disk. */
  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.pending.length) {
      const chunk = Buffer.concat(this.pending, this.pendingBytes);
      this.pending = [];
      this.pendingBytes = 0;
      this.hash.update(chunk);
      this.writing = this.writing.then(() => this.writeFully(chunk));
    }
    return this.writing;
  }

  private async writeFully(chunk: Buffer): Promise<void> {
    if (this.failure) return;
    try {
      const file = await this.file;
      let offset = 0;
      while (offset < chunk.length) offset += (await file.write(chunk, offset)).bytesWritten;
    } catch (error) {
      // Kept and reported by close(): a lost write must not pass for a complete segment.
      this.failure = error as Error;
    }
  }

  async close(): Promise<CaptureSummary> {
    await this.flush();
    // When opening failed there is nothing to close; the failure is thrown just below.
    await this.file.then(
      (f) => f.close(),
      () => undefined,
    );
    if (this.failure) throw this.failure;
    return { packets: this.packets, bytes: this.bytes, sha256: this.hash.digest('hex') };
  }
}

/** Reads a capture file; a record cut short (a crash mid-write) ends it without an error. */
export async function readCapture(path: string): Promise<CaptureRecord[]> {
  return parseCapture(await readFile(path), path);
}

export function parseCapture(data: Buffer, name = 'data'): CaptureRecord[] {
  if (data.length < CAPTURE_MAGIC.length || !data.subarray(0, CAPTURE_MAGIC.length).equals(CAPTURE_MAGIC))
    throw new Error(`${name} is not a capture file`);
  const records: CaptureRecord[] = [];
  let offset = CAPTURE_MAGIC.length;
  while (offset + RECORD_HEADER <= data.length) {
    const length = data.readUInt16BE(offset);
    const arrivalMs = data.readDoubleBE(offset + 2);
    const start = offset + RECORD_HEADER;
    if (start + length > data.length) break;
    records.push({ arrivalMs, packet: data.subarray(start, start + length) });
    offset = start + length;
  }
  return records;
}
