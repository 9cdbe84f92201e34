/**
 * A ruled table for the protocol PDF: a two-level head (a group's title spans its columns, as
 * "Scores of the members" over one column per member), every cell boxed, the head repeated on
 * each page the table runs onto. Fonts 'regular' and 'bold' must be registered on the document.
 */

export interface TableColumn {
  title: string;
  width: number;
  align: 'left' | 'center' | 'right';
  /** Consecutive columns with the same group sit under one spanning head with this title. */
  group?: string;
}

const GRID = '#7a7a7a';
const INK = '#111111';
const PAD = 3;
const HEAD_SIZE = 7.5;
const BODY_SIZE = 8;

type Font = 'regular' | 'bold';

export function drawTable(
  doc: PDFKit.PDFDocument,
  { left, columns, rows, bottom }: { left: number; columns: TableColumn[]; rows: string[][]; bottom: number },
): void {
  const heightOf = (text: string, width: number, font: Font, size: number) =>
    doc
      .font(font)
      .fontSize(size)
      .heightOfString(text || ' ', { width: width - 2 * PAD }) +
    2 * PAD;
  const cell = (
    text: string,
    box: { x: number; y: number; w: number; h: number },
    align: TableColumn['align'],
    font: Font,
    size: number,
  ) => {
    doc.rect(box.x, box.y, box.w, box.h).lineWidth(0.5).strokeColor(GRID).stroke();
    const textHeight = heightOf(text, box.w, font, size) - 2 * PAD;
    doc.fillColor(INK).text(text, box.x + PAD, box.y + Math.max(PAD, (box.h - textHeight) / 2), {
      width: box.w - 2 * PAD,
      align,
    });
  };

  // Runs of grouped columns: [first index, last index, title].
  const spans: { from: number; to: number; title: string }[] = [];
  columns.forEach((col, i) => {
    const last = spans.at(-1);
    if (col.group === undefined) return;
    if (last && last.to === i - 1 && last.title === col.group) last.to = i;
    else spans.push({ from: i, to: i, title: col.group });
  });
  const xOf = (i: number) => left + columns.slice(0, i).reduce((sum, c) => sum + c.width, 0);
  const spanWidth = (s: { from: number; to: number }) =>
    columns.slice(s.from, s.to + 1).reduce((sum, c) => sum + c.width, 0);
  const topHeight = Math.max(0, ...spans.map((s) => heightOf(s.title, spanWidth(s), 'bold', HEAD_SIZE)));
  const subHeight = Math.max(
    0,
    ...columns.filter((c) => c.group !== undefined).map((c) => heightOf(c.title, c.width, 'bold', HEAD_SIZE)),
  );
  const headHeight = Math.max(
    topHeight + subHeight,
    ...columns.filter((c) => c.group === undefined).map((c) => heightOf(c.title, c.width, 'bold', HEAD_SIZE)),
  );

  const head = () => {
    const y = doc.y;
    for (const s of spans)
      cell(s.title, { x: xOf(s.from), y, w: spanWidth(s), h: topHeight }, 'center', 'bold', HEAD_SIZE);
    columns.forEach((col, i) => {
      const box =
        col.group === undefined
          ? { x: xOf(i), y, w: col.width, h: headHeight }
          : { x: xOf(i), y: y + topHeight, w: col.width, h: headHeight - topHeight };
      cell(col.title, box, col.group === undefined ? col.align : 'center', 'bold', HEAD_SIZE);
    });
    doc.y = y + headHeight;
  };
  const rowHeight = (texts: string[]) =>
    Math.max(...columns.map((col, i) => heightOf(texts[i] ?? '', col.width, 'regular', BODY_SIZE)));

  if (doc.y + headHeight + (rows[0] ? rowHeight(rows[0]) : 0) > bottom) doc.addPage();
  head();
  for (const texts of rows) {
    const height = rowHeight(texts);
    if (doc.y + height > bottom) {
      doc.addPage();
      head();
    }
    const y = doc.y;
    columns.forEach((col, i) => {
      cell(texts[i] ?? '', { x: xOf(i), y, w: col.width, h: height }, col.align, 'regular', BODY_SIZE);
    });
    doc.y = y + height;
  }
}
