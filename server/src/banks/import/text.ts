/** Text clean-up shared by the three formats. */

/** Line breaks as `\n`, no byte-order mark, composed Unicode (so "қ" typed two ways compares equal). */
export function normaliseSource(text: string): string {
  return text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .normalize('NFC');
}

/**
 * Trims the whole text and the ends of its lines and drops runs of blank lines; line breaks and
 * indentation inside stay, as code in a question needs them.
 */
export function tidy(text: string): string {
  return text
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** The key two questions or options are compared by: case, spacing and line breaks do not count. */
export function sameTextKey(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim().toLocaleLowerCase();
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

export class UnsupportedHtml extends Error {
  override name = 'UnsupportedHtml';
}

/**
 * Questions are stored as plain text, so HTML from Moodle exports (`[html]<p>…</p>`) keeps its
 * words and line breaks and loses its markup. An image would vanish and leave a question that
 * cannot be answered, so it is an error instead.
 */
export function htmlToText(html: string): string {
  if (/<img\b/i.test(html))
    throw new UnsupportedHtml('images are not supported: the question would lose its picture');
  // Spacing and line breaks in HTML source mean nothing; only <br> and block ends break lines.
  const text = html
    .replace(/\s+/g, ' ')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div|li|tr|h[1-6])\s*>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, name: string) => {
      if (name[0] === '#') {
        const code =
          name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
        return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
      }
      return ENTITIES[name.toLowerCase()] ?? entity;
    });
  return tidy(
    text
      .split('\n')
      .map((line) => line.trim())
      .join('\n'),
  );
}

/** 1-based line of each character offset in a text made of `lines` joined with `\n`. */
export class LineMap {
  private readonly starts: number[] = [];
  constructor(
    lines: readonly string[],
    private readonly lineNumbers: readonly number[],
  ) {
    let offset = 0;
    for (const line of lines) {
      this.starts.push(offset);
      offset += line.length + 1;
    }
  }

  lineAt(offset: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.starts[mid] as number) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return this.lineNumbers[lo] ?? this.lineNumbers[0] ?? 1;
  }
}
