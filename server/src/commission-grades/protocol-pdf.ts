import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { catalogues, type Language, shortName } from '@adal/shared';
import PDFDocument from 'pdfkit';
import type { ProtocolData } from './protocol-data.js';
import { drawTable, type TableColumn } from './protocol-table.js';

/**
 * The protocol of a state attestation sitting as an A4 PDF: the commission, the date, the
 * discipline and group, a table of the students (ticket, every member's score, the final grade in
 * percent, letter and traditional grade) and the signature lines. The labels come from the
 * `commission.pdf` catalogue in the language asked for; every text is drawn with DejaVu Sans, as
 * the session report does, so Kazakh and Russian letters (ә ғ қ ң ө ұ ү һ і) never turn into boxes.
 */

const FONT_DIR = join(
  dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')),
  'ttf',
);
let fonts: { regular: Buffer; bold: Buffer } | undefined;
const loadFonts = () => {
  fonts ??= {
    regular: readFileSync(join(FONT_DIR, 'DejaVuSans.ttf')),
    bold: readFileSync(join(FONT_DIR, 'DejaVuSans-Bold.ttf')),
  };
  return fonts;
};

const INK = '#111111';
const MUTED = '#5b5b5b';
const MARGIN = 40;

/** Fills `{{name}}` placeholders the way i18next does. */
const fill = (text: string, vars: Record<string, string | number>) =>
  text.replace(/\{\{(\w+)\}\}/g, (_, key: string) => String(vars[key] ?? ''));

/** `2026-06-12` → `12.06.2026`, as Kazakh and Russian documents write dates. */
export const documentDate = (iso: string) => iso.split('-').reverse().join('.');

/** 87.5 → "87,5" in Kazakh and Russian documents, "87.5" in English. */
const percentIn = (lang: Language) => (n: number) => {
  const text = Number.isInteger(n) ? String(n) : n.toFixed(2).replace(/0$/, '');
  return lang === 'en' ? text : text.replace('.', ',');
};

export function renderProtocolPdf(data: ProtocolData, lang: Language): PDFKit.PDFDocument {
  const all = catalogues[lang];
  const percentText = percentIn(lang);
  const L = all.commission.pdf;
  const title = fill(L.title, { number: data.protocolNumber });
  // More than three scoring members do not fit a portrait page's width: landscape then.
  const landscape = data.scorers.length > 3;
  const doc = new PDFDocument({
    size: 'A4',
    layout: landscape ? 'landscape' : 'portrait',
    margins: { top: MARGIN, bottom: MARGIN + 14, left: MARGIN, right: MARGIN },
    bufferPages: true,
    info: {
      Title: `${title} — ${data.discipline.name}, ${data.group}`,
      Author: 'Adal Proctor',
      Subject: L.subtitle,
    },
  });
  const { regular, bold } = loadFonts();
  doc.registerFont('regular', regular);
  doc.registerFont('bold', bold);
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const bottom = () => doc.page.height - doc.page.margins.bottom;
  const ensure = (height: number) => {
    if (doc.y + height > bottom()) doc.addPage();
  };

  // Head: faculty, title, what the meeting was.
  doc
    .font('regular')
    .fontSize(10)
    .fillColor(MUTED)
    .text(data.faculty, left, doc.y, { width, align: 'center' });
  doc.moveDown(0.6);
  doc.font('bold').fontSize(15).fillColor(INK).text(title, left, doc.y, { width, align: 'center' });
  doc
    .font('regular')
    .fontSize(11)
    .text(L.subtitle, left, doc.y + 2, { width, align: 'center' });
  doc.moveDown(1);

  const seated = (seat: string) => data.people.filter((p) => p.seat === seat).map((p) => p.fullName);
  const fields: [string, string][] = [
    [L.date, documentDate(data.protocolDate)],
    [L.commission, data.commission],
    [L.discipline, `${data.discipline.code} — ${data.discipline.name}`],
    [L.group, data.group],
    [L.kind, all.sittingKind[data.kind]],
    [L.chair, seated('chair').join(', ') || '—'],
    [L.members, seated('member').join(', ') || '—'],
    [L.secretary, seated('secretary').join(', ') || '—'],
  ];
  const labelWidth = 150;
  for (const [label, value] of fields) {
    doc.fontSize(9.5);
    const height = Math.max(
      doc.font('bold').heightOfString(label, { width: labelWidth - 8 }),
      doc.font('regular').heightOfString(value, { width: width - labelWidth }),
    );
    ensure(height);
    const y = doc.y;
    doc
      .font('bold')
      .fillColor(MUTED)
      .text(label, left, y, { width: labelWidth - 8 });
    doc
      .font('regular')
      .fillColor(INK)
      .text(value, left + labelWidth, y, { width: width - labelWidth });
    doc.y = y + height + 3;
  }
  doc.moveDown(0.8);

  // The table of students: one column per scoring member, then the final grade's three columns.
  // Widths fit the longest words at their sizes: "неудовлетворительно", "Буквенная".
  const fixedWidth = 20 + 32 + 36 + 52 + 102;
  const n = Math.max(1, data.scorers.length);
  const ideal = Math.min(64, Math.max(36, (width - fixedWidth - 120) / n));
  // Never narrower than 100 points for the names, however many members.
  const scorerWidth = Math.min(ideal, (width - fixedWidth - 100) / n);
  const columns: TableColumn[] = [
    { title: L.number, width: 20, align: 'right' },
    { title: L.student, width: width - fixedWidth - scorerWidth * data.scorers.length, align: 'left' },
    { title: L.ticket, width: 32, align: 'center' },
    ...data.scorers.map(
      (s): TableColumn => ({
        // Initials held together: a narrow column puts them under the surname, never splits them.
        title: shortName(s.fullName).replace(/\. /g, '.\u00a0'),
        width: scorerWidth,
        align: 'center',
        group: L.scores,
      }),
    ),
    { title: L.percent, width: 36, align: 'center', group: L.finalGroup },
    { title: L.letter, width: 52, align: 'center', group: L.finalGroup },
    { title: L.traditional, width: 102, align: 'left', group: L.finalGroup },
  ];
  const rows = data.rows.map((r, i) => [
    String(i + 1),
    r.fullName,
    r.ticketNumber === null ? '—' : String(r.ticketNumber),
    ...data.scorers.map((s) => {
      const p = r.scores.get(s.userId);
      return p === undefined ? '—' : percentText(p);
    }),
    r.grade ? percentText(r.grade.percent) : L.notFixed,
    r.grade ? r.grade.letter : L.notFixed,
    r.grade ? L.traditionalGrades[r.grade.traditional] : L.notFixed,
  ]);
  drawTable(doc, { left, columns, rows, bottom: bottom() });

  // Signature lines: the chair, each member, the technical secretary.
  const signers: [string, string][] = [
    ...seated('chair').map((n): [string, string] => [L.signChair, n]),
    ...seated('member').map((n): [string, string] => [L.signMember, n]),
    ...seated('secretary').map((n): [string, string] => [L.signSecretary, n]),
  ];
  doc.moveDown(1.5);
  ensure(40);
  doc.font('bold').fontSize(11).fillColor(INK).text(L.signatures, left, doc.y, { width });
  doc.moveDown(0.8);
  for (const [role, name] of signers) {
    ensure(30);
    const y = doc.y + 12;
    doc
      .font('regular')
      .fontSize(9.5)
      .fillColor(INK)
      .text(role, left, y - 9, { width: 170 });
    doc
      .moveTo(left + 180, y + 2)
      .lineTo(left + 340, y + 2)
      .lineWidth(0.6)
      .strokeColor(INK)
      .stroke();
    doc.text(shortName(name), left + 350, y - 9, { width: width - 350 });
    doc.y = y + 14;
  }

  // Page numbers, once the number of pages is known.
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const margin = doc.page.margins.bottom;
    // Writing inside the bottom margin would otherwise start a new page.
    doc.page.margins.bottom = 0;
    doc
      .font('regular')
      .fontSize(7.5)
      .fillColor(MUTED)
      .text(
        fill(L.page, { number: data.protocolNumber, page: i - range.start + 1, pages: range.count }),
        left,
        doc.page.height - MARGIN,
        { width, align: 'center', lineBreak: false },
      );
    doc.page.margins.bottom = margin;
  }
  doc.end();
  return doc;
}
