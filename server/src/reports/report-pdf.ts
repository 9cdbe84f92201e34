import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { SessionReport, TrustLine } from '@adal/shared';
import PDFDocument from 'pdfkit';
import { wallClock } from '../university/time-zone.js';

/**
 * The session report as an A4 PDF. The labels are English for now (i18n of the PDF can come
 * later); every piece of user data (names, discipline, chat, reasons) is drawn with DejaVu Sans,
 * which covers Kazakh and Russian Cyrillic (ә ғ қ ң ө ұ ү һ і), so nothing turns into boxes.
 */

const FONT_DIR = join(
  dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')),
  'ttf',
);
let fonts: { regular: Buffer; bold: Buffer } | undefined;
/** Read once per process: every report embeds (a subset of) the same two files. */
const loadFonts = () => {
  fonts ??= {
    regular: readFileSync(join(FONT_DIR, 'DejaVuSans.ttf')),
    bold: readFileSync(join(FONT_DIR, 'DejaVuSans-Bold.ttf')),
  };
  return fonts;
};

const INK = '#111111';
const MUTED = '#5b5b5b';
const RULE = '#c8c8c8';
const HEAD_FILL = '#eeeeee';
const LINK = '#1a56db';
const ALERT = '#b91c1c';
const OK = '#15803d';
const MARGIN = 40;
/** A cell longer than this is cut in the PDF (the JSON and CSV keep it whole): a row must fit a page. */
const MAX_CELL_CHARS = 700;

export interface PdfOptions {
  /** The university's clock: every time is printed in it. */
  timeZone: string;
  /** Where the proctor console is served, to make the recording links absolute. */
  origin: string;
}

type Cell = string | { text: string; link?: string; color?: string };
interface Column {
  title: string;
  width: number;
  align?: 'left' | 'right' | 'center';
}

const humanize = (s: string) => {
  const words = s.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
};

const clip = (s: string) => (s.length > MAX_CELL_CHARS ? `${s.slice(0, MAX_CELL_CHARS - 1)}…` : s);

export function formatDuration(ms: number | null): string {
  if (ms === null) return '—';
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min ${String(s % 60).padStart(2, '0')} s`;
  return `${Math.floor(m / 60)} h ${String(m % 60).padStart(2, '0')} min`;
}

const offset = (seconds: number) => {
  const h = Math.floor(seconds / 3600);
  const mmss = `${String(Math.floor(seconds / 60) % 60).padStart(2, '0')}:${String(seconds % 60).padStart(2, '0')}`;
  return h ? `${h}:${mmss}` : mmss;
};

function clockIn(timeZone: string) {
  const clock = wallClock(timeZone);
  const parts = (iso: string) => clock(new Date(iso));
  return {
    dateTime(iso: string | null): string {
      if (!iso) return '—';
      const p = parts(iso);
      return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}:${p.second}`;
    },
    date(iso: string): string {
      const p = parts(iso);
      return `${p.year}-${p.month}-${p.day}`;
    },
    time(iso: string): string {
      const p = parts(iso);
      return `${p.hour}:${p.minute}:${p.second}`;
    },
  };
}

/** Draws top to bottom, starting a new page whenever the next block would not fit. */
class Layout {
  constructor(readonly doc: PDFKit.PDFDocument) {}

  get left() {
    return this.doc.page.margins.left;
  }
  get width() {
    return this.doc.page.width - this.doc.page.margins.left - this.doc.page.margins.right;
  }
  get bottom() {
    return this.doc.page.height - this.doc.page.margins.bottom;
  }

  /** Starts a new page unless `height` more points fit on this one. */
  ensure(height: number) {
    if (this.doc.y + height > this.bottom) this.doc.addPage();
  }

  heading(text: string) {
    const { doc } = this;
    this.ensure(60);
    doc.moveDown(0.8);
    doc.font('bold').fontSize(12).fillColor(INK).text(text, this.left, doc.y, { width: this.width });
    const y = doc.y + 2;
    doc
      .moveTo(this.left, y)
      .lineTo(this.left + this.width, y)
      .lineWidth(0.5)
      .strokeColor(RULE)
      .stroke();
    doc.y = y + 5;
  }

  paragraph(text: string, color = INK) {
    const { doc } = this;
    doc.font('regular').fontSize(9);
    this.ensure(doc.heightOfString(text, { width: this.width }));
    doc.fillColor(color).text(text, this.left, doc.y, { width: this.width });
    doc.moveDown(0.3);
  }

  /** Label and value pairs, the labels in a narrow bold column. */
  fields(pairs: [string, string][]) {
    const { doc } = this;
    const labelWidth = 130;
    const valueWidth = this.width - labelWidth;
    for (const [label, raw] of pairs) {
      const value = clip(raw || '—');
      doc.fontSize(9);
      const height = Math.max(
        doc.font('bold').heightOfString(label, { width: labelWidth - 8 }),
        doc.font('regular').heightOfString(value, { width: valueWidth }),
      );
      this.ensure(height);
      const y = doc.y;
      doc
        .font('bold')
        .fillColor(MUTED)
        .text(label, this.left, y, { width: labelWidth - 8 });
      doc
        .font('regular')
        .fillColor(INK)
        .text(value, this.left + labelWidth, y, { width: valueWidth });
      doc.y = y + height + 3;
    }
  }

  /** A table whose header row is repeated on every page it runs onto. */
  table(columns: Column[], rows: Cell[][], fontSize = 8) {
    const { doc } = this;
    const pad = 3;
    const tableWidth = columns.reduce((sum, c) => sum + c.width, 0);
    const textOf = (c: Cell | undefined) => clip(typeof c === 'string' ? c : (c?.text ?? ''));
    const rowHeight = (cells: string[], font: 'regular' | 'bold') => {
      doc.font(font).fontSize(fontSize);
      return (
        Math.max(
          ...columns.map((col, i) => doc.heightOfString(cells[i] || ' ', { width: col.width - 2 * pad })),
        ) +
        2 * pad
      );
    };
    const header = () => {
      const titles = columns.map((c) => c.title);
      const height = rowHeight(titles, 'bold');
      const y = doc.y;
      doc.rect(this.left, y, tableWidth, height).fill(HEAD_FILL);
      let x = this.left;
      doc.font('bold').fontSize(fontSize).fillColor(INK);
      for (const col of columns) {
        doc.text(col.title, x + pad, y + pad, { width: col.width - 2 * pad, align: col.align ?? 'left' });
        x += col.width;
      }
      doc.y = y + height;
    };
    const headerHeight = rowHeight(
      columns.map((c) => c.title),
      'bold',
    );
    const firstHeight = rows[0] ? rowHeight(rows[0].map(textOf), 'regular') : 0;
    this.ensure(headerHeight + firstHeight);
    header();
    for (const row of rows) {
      const texts = columns.map((_, i) => textOf(row[i]));
      const height = rowHeight(texts, 'regular');
      if (doc.y + height > this.bottom) {
        doc.addPage();
        header();
      }
      const y = doc.y;
      let x = this.left;
      doc.font('regular').fontSize(fontSize);
      for (const [i, col] of columns.entries()) {
        const cell = row[i];
        const link = typeof cell === 'object' ? cell.link : undefined;
        const color = typeof cell === 'object' && cell.color ? cell.color : link ? LINK : INK;
        doc.fillColor(color).text(texts[i] ?? '', x + pad, y + pad, {
          width: col.width - 2 * pad,
          align: col.align ?? 'left',
          ...(link ? { link, underline: true } : {}),
        });
        x += col.width;
      }
      const end = y + height;
      doc
        .moveTo(this.left, end)
        .lineTo(this.left + tableWidth, end)
        .lineWidth(0.3)
        .strokeColor(RULE)
        .stroke();
      doc.y = end;
    }
    if (!rows.length) this.paragraph('None.', MUTED);
    doc.moveDown(0.3);
  }
}

const trustValue = (l: TrustLine) => (l.kind === 'share' ? `${l.value} % of the time` : String(l.value));

/**
 * Lays the whole PDF out and ends the document; the caller pipes it (to the response). Nothing
 * reaches the caller's stream before the layout is done, so a failure here is still a clean error.
 */
export function renderReportPdf(report: SessionReport, options: PdfOptions): PDFKit.PDFDocument {
  const { student, sitting, connection, violations, trust, log } = report;
  const when = clockIn(options.timeZone);
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN, bottom: MARGIN + 14, left: MARGIN, right: MARGIN },
    bufferPages: true,
    info: {
      Title: `Session report: ${student.fullName}, ${sitting.discipline.name}`,
      Author: 'Adal Proctor',
      Subject: `${sitting.discipline.code} ${sitting.group.name}`,
      CreationDate: new Date(report.generatedAt),
    },
  });
  const { regular, bold } = loadFonts();
  doc.registerFont('regular', regular);
  doc.registerFont('bold', bold);
  const page = new Layout(doc);

  doc
    .font('bold')
    .fontSize(17)
    .fillColor(INK)
    .text('Session report', page.left, doc.y, { width: page.width });
  doc
    .font('regular')
    .fontSize(9)
    .fillColor(MUTED)
    .text(
      `Generated ${when.dateTime(report.generatedAt)} · times in ${options.timeZone} · Adal Proctor`,
      page.left,
      doc.y + 2,
      { width: page.width },
    );

  page.heading('Student and sitting');
  page.fields([
    ['Student', student.fullName],
    ['IIN', student.iin],
    ['Discipline', `${sitting.discipline.code} — ${sitting.discipline.name}`],
    ['Group', sitting.group.name],
    ['Kind', `${humanize(sitting.kind)} (${humanize(sitting.controlKind)})`],
    ['Starts', when.dateTime(sitting.startsAt)],
    ['Duration', `${sitting.durationMinutes} min`],
  ]);

  page.heading('Connection');
  page.fields([
    ['First connected', when.dateTime(connection.firstConnectedAt)],
    ['Last event', when.dateTime(connection.lastEventAt)],
    ['Media gaps', String(connection.gaps.length)],
  ]);
  if (connection.gaps.length)
    page.table(
      [
        { title: 'Source', width: 90 },
        { title: 'Lost at', width: 120 },
        { title: 'Back at', width: 120 },
        { title: 'Lasted', width: 85 },
        { title: 'Reason', width: 100 },
      ],
      connection.gaps.map((g) => [
        humanize(g.source),
        when.dateTime(g.from),
        g.to ? when.dateTime(g.to) : 'not back',
        g.to ? formatDuration(Date.parse(g.to) - Date.parse(g.from)) : '—',
        g.reason ? humanize(g.reason) : '—',
      ]),
    );

  page.heading('Attempts');
  page.table(
    [
      { title: 'No.', width: 30, align: 'right' },
      { title: 'Status', width: 65 },
      { title: 'Started', width: 82 },
      { title: 'Finished', width: 82 },
      { title: 'Deadline', width: 82 },
      { title: 'Paused', width: 56 },
      { title: 'Answered', width: 60, align: 'right' },
      { title: 'Score', width: 58, align: 'right' },
    ],
    report.attempts.map((a) => [
      String(a.number),
      humanize(a.status),
      when.dateTime(a.startedAt),
      when.dateTime(a.finishedAt),
      when.dateTime(a.deadlineAt),
      a.pausedMs ? formatDuration(a.pausedMs) : '—',
      `${a.answered} / ${a.questions}`,
      a.percent === null ? '—' : `${a.percent} %`,
    ]),
  );
  for (const a of report.attempts) {
    if (!a.answerEvents.length) continue;
    page.paragraph(
      `Attempt ${a.number}: every save of an answer (${a.answerEvents.length}), oldest first`,
      MUTED,
    );
    page.table(
      [
        { title: 'Saved at', width: 140 },
        { title: 'Question', width: 80, align: 'right' },
        { title: 'Revision', width: 80, align: 'right' },
      ],
      a.answerEvents.map((e) => [when.dateTime(e.at), String(e.questionNumber), String(e.revision)]),
    );
  }

  page.heading('Violations');
  page.fields([
    ['Total', String(violations.total)],
    ['Confirmed', String(violations.confirmed)],
    ['Dismissed', String(violations.dismissed)],
    ['Not reviewed', String(violations.unreviewed)],
    ['Raised by a proctor', String(violations.proctorRaised)],
  ]);

  page.heading('Trust score');
  page.paragraph(
    `Trust ${trust.trust} of 100 (risk ${trust.risk}), over ${formatDuration(trust.observedMs)} observed. ` +
      'Each metric times its weight gives its points; the points add up to the risk. ' +
      'Dismissed flags count for nothing. The score decides nothing on its own.',
  );
  if (trust.breakdown.length)
    page.table(
      [
        { title: 'Metric', width: 170 },
        { title: 'Value', width: 145, align: 'right' },
        { title: 'Weight', width: 100, align: 'right' },
        { title: 'Points', width: 100, align: 'right' },
      ],
      trust.breakdown.map((l) => [humanize(l.metric), trustValue(l), String(l.weight), String(l.points)]),
    );

  page.heading('Chat&log integrity');
  if (log.ok)
    page.paragraph(
      `Intact: ${log.entries} entries, each one's hash matches its content and follows the entry before it.`,
      OK,
    );
  else
    page.paragraph(
      `BROKEN at entry ${log.firstBroken?.seq}: ${log.firstBroken?.reason}. ` +
        'From that entry on, the log may not be as it was recorded.',
      ALERT,
    );
  if (report.unreachableNodes)
    page.paragraph(
      `${report.unreachableNodes} media server(s) did not answer: links into recordings may be missing.`,
      ALERT,
    );

  page.heading('Timeline');
  // The date only where it changes; an automatic flag shows when it began and when it was logged.
  let lastDate = '';
  const timeCell = (startedAt: string, at: string) => {
    const date = when.date(startedAt);
    const prefix = date === lastDate ? '' : `${date}\n`;
    lastDate = date;
    return `${prefix}${when.time(startedAt)}${startedAt === at ? '' : `\n(logged ${when.time(at)})`}`;
  };
  page.table(
    [
      { title: 'Time', width: 60 },
      { title: 'Source / type', width: 78 },
      { title: 'Severity', width: 44 },
      { title: 'Text', width: 150 },
      { title: 'Duration', width: 46 },
      { title: 'Review', width: 82 },
      { title: 'Recording', width: 55 },
    ],
    report.timeline.map((item) => [
      timeCell(item.startedAt, item.at),
      `${humanize(item.source)}: ${item.type.replace(/_/g, ' ')}`,
      {
        text: item.severity,
        color: item.severity === 'high' ? ALERT : item.severity === 'info' ? MUTED : INK,
      },
      item.text || '—',
      item.durationMs === null
        ? item.confidence === null
          ? ''
          : `${item.confidence} %`
        : `${formatDuration(item.durationMs)}${item.confidence === null ? '' : `, ${item.confidence} %`}`,
      item.review
        ? `${humanize(item.review.decision)} by ${item.review.byName || '—'}: ${item.review.reason}`
        : '',
      item.recording
        ? {
            text: `${humanize(item.recording.source)} at ${offset(item.recording.offsetSeconds)}`,
            link: new URL(item.recording.href, options.origin).href,
          }
        : '',
    ]),
    7.5,
  );

  // Page numbers, once the number of pages is known.
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    // Writing inside the bottom margin would otherwise start a new page.
    doc.page.margins.bottom = 0;
    doc
      .font('regular')
      .fontSize(7.5)
      .fillColor(MUTED)
      .text(
        `${student.fullName} · ${sitting.discipline.code} · page ${i - range.start + 1} of ${range.count}`,
        page.left,
        doc.page.height - MARGIN,
        { width: page.width, align: 'center', lineBreak: false },
      );
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  return doc;
}
