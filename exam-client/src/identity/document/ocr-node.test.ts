// @vitest-environment node
import { mkdtemp, rm, symlink } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { composeTd1 } from '@adal/shared/identity';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { estimateSkewDegrees, lumaOf } from './deskew.js';
import { mrzBandRect } from './document-kind.js';
import { buildDocumentReading, mergeSides, type OcrPass } from './document-reading.js';
import { enhanceForOcr } from './ocr-image.js';
import { createOcrEngines, type OcrEngines, readMrzBand, readPrinted } from './ocr-passes.js';

/**
 * Both passes for real: tesseract.js (the legacy engine with English data and the zone's
 * alphabet; LSTM with Kazakh and English) on a synthetic Kazakhstan ID card rendered with sharp,
 * front and back. Each run takes a few seconds in Node, so one card.
 */
const require = createRequire(import.meta.url);
const dataDir = (lang: string) =>
  path.join(path.dirname(require.resolve(`@tesseract.js-data/${lang}/package.json`)), '4.0.0');

const TODAY = new Date('2026-12-07T00:00:00Z');
const person = {
  documentNumber: '045612378',
  surname: 'ALIEV',
  givenNames: 'ARMAN',
  birthDate: '040512',
  expiryDate: '340511',
  sex: 'M' as const,
  iin: '040512500320',
};

/** The back of an ID card at 15 px per mm: printed lines, then the zone in a monospace font. */
function cardBackSvg(mrz: string[]): { svg: string; width: number; height: number } {
  const width = 1284;
  const height = 810;
  const printed = [
    'ТУҒАН ЖЕРІ / МЕСТО РОЖДЕНИЯ  АЛМАТЫ',
    'ҰЛТЫ / НАЦИОНАЛЬНОСТЬ  ҚАЗАҚ',
    'БЕРГЕН ОРГАН / ОРГАН ВЫДАЧИ  ІШКІ ІСТЕР МИНИСТРЛІГІ',
    'ҚОЛДАНЫЛУ МЕРЗІМІ / СРОК ДЕЙСТВИЯ  12.05.2024 - 11.05.2034',
  ];
  const text = (s: string, y: number, size: number, family: string) =>
    `<text x="40" y="${y}" font-family="${family}" font-size="${size}" fill="#1a1a1a">${s.replace(/</g, '&lt;')}</text>`;
  const body = [
    ...printed.map((s, i) => text(s, 90 + i * 56, 30, 'DejaVu Sans')),
    ...mrz.map((s, i) => text(s, 630 + i * 78, 62, 'DejaVu Sans Mono')),
  ].join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="100%" height="100%" fill="#dfe8e4"/>${body}</svg>`;
  return { svg, width, height };
}

/** The front of a 2021 card: labels in Kazakh and English, a grey square where the photo is. */
function cardFrontSvg(): string {
  const lines: [string, number][] = [
    ['ҚАЗАҚСТАН РЕСПУБЛИКАСЫ  REPUBLIC OF KAZAKHSTAN', 34],
    ['ЖЕКЕ КУӘЛІК / IDENTITY CARD', 34],
    ['ТЕГІ / SURNAME', 24],
    ['ӘЛИЕВ', 34],
    ['АТЫ / NAME', 24],
    ['АРМАН', 34],
    ['ӘКЕСІНІҢ АТЫ / PATRONYMIC', 24],
    ['СЕРІКҰЛЫ', 34],
    ['ТУҒАН КҮНІ / DATE OF BIRTH', 24],
    ['12.05.2004', 34],
    ['ЖСН / IIN 040512500320', 34],
  ];
  const body = lines
    .map(
      ([s, size], i) =>
        `<text x="420" y="${70 + i * 62}" font-family="DejaVu Sans" font-size="${size}" fill="#1a1a1a">${s}</text>`,
    )
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="1284" height="810"><rect width="100%" height="100%" fill="#dfe8e4"/><rect x="40" y="120" width="330" height="420" fill="#9aa9a4"/>${body}</svg>`;
}

/** The band the browser cuts and enhances, done here with sharp and the same enhanceForOcr. */
async function mrzBand(card: Buffer, width: number, height: number): Promise<Buffer> {
  const band = mrzBandRect('id_card', width, height);
  const { data, info } = await sharp(card)
    .extract({ left: band.x, top: band.y, width: band.width, height: band.height })
    .ensureAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  enhanceForOcr(data);
  return sharp(data, { raw: { width: info.width, height: info.height, channels: 4 } })
    .png()
    .toBuffer();
}

/**
 * What the browser does to a card held askew (document-ocr.ts `levelled`), with sharp: the
 * angle from the band, the photo turned back about its centre and kept at its size.
 */
async function levelled(photo: Buffer): Promise<{ card: Buffer; degrees: number }> {
  const { width = 0, height = 0 } = await sharp(photo).metadata();
  const band = mrzBandRect('id_card', width, height);
  const { data, info } = await sharp(photo)
    .extract({ left: band.x, top: band.y, width: band.width, height: band.height })
    .ensureAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  const degrees = estimateSkewDegrees(lumaOf(data), info.width, info.height);
  const turned = await sharp(photo).rotate(-degrees, { background: '#dfe8e4' }).png().toBuffer();
  const big = await sharp(turned).metadata();
  const left = Math.round(((big.width ?? width) - width) / 2);
  const top = Math.round(((big.height ?? height) - height) / 2);
  const card = await sharp(turned).extract({ left, top, width, height }).png().toBuffer();
  return { card, degrees };
}

describe('reading a synthetic ID card in Node', () => {
  // tesseract.js takes one langPath: the two packages' files side by side in a temporary folder.
  let langPath = '';
  beforeAll(async () => {
    langPath = await mkdtemp(path.join(tmpdir(), 'adal-tessdata-'));
    for (const lang of ['eng', 'kaz'])
      await symlink(
        path.join(dataDir(lang), `${lang}.traineddata.gz`),
        path.join(langPath, `${lang}.traineddata.gz`),
      );
  });
  afterAll(async () => {
    await rm(langPath, { recursive: true, force: true });
  });

  /** The two engines the browser keeps for the document step; cacheMethod 'none' keeps traineddata out of the cwd. */
  let engines: OcrEngines;
  beforeAll(async () => {
    engines = await createOcrEngines({ langPath, cacheMethod: 'none' });
  }, 120_000);
  afterAll(async () => {
    await Promise.all([engines?.mrz.terminate(), engines?.printed.terminate()]);
  });

  async function readSide(run: (workers: OcrEngines) => Promise<OcrPass>) {
    const started = performance.now();
    const pass = await run(engines);
    // For the report, not an assertion: tests never assert speed.
    console.info(`OCR pass: ${Math.round(performance.now() - started)} ms, confidence ${pass.confidence}`);
    return pass;
  }

  it('reads the back: the TD1 zone with every check digit holding', async () => {
    const { svg, width, height } = cardBackSvg(composeTd1(person));
    const card = await sharp(Buffer.from(svg)).png().toBuffer();
    const band = await mrzBand(card, width, height);
    const mrz = await readSide((workers) => readMrzBand(workers.mrz, band));

    expect(buildDocumentReading({ mrz, printed: null }, TODAY)).toMatchObject({
      source: 'mrz',
      format: 'TD1',
      checkDigitsValid: true,
      documentNumber: '045612378',
      surname: 'ALIEV',
      givenNames: 'ARMAN',
      iin: '040512500320',
      birthDate: '2004-05-12',
      expiryDate: '2034-05-11',
    });
  }, 120_000);

  it.each([5, -4])(
    'reads the zone of a card held %s° askew once it is levelled',
    async (turn) => {
      const { svg } = cardBackSvg(composeTd1(person));
      const askew = await sharp(Buffer.from(svg))
        .rotate(turn, { background: '#4a4e54' })
        .jpeg({ quality: 92 })
        .toBuffer();
      const { card, degrees } = await levelled(askew);
      expect(Math.abs(degrees - turn)).toBeLessThanOrEqual(0.25);
      const { width = 0, height = 0 } = await sharp(card).metadata();
      const band = await mrzBand(card, width, height);
      const mrz = await readSide((workers) => readMrzBand(workers.mrz, band));
      expect(buildDocumentReading({ mrz, printed: null }, TODAY)).toMatchObject({
        checkDigitsValid: true,
        documentNumber: '045612378',
        iin: '040512500320',
      });
    },
    120_000,
  );

  it('reads the front (printed, kaz+eng) and, with the back, the whole card', async () => {
    const front = await sharp(Buffer.from(cardFrontSvg())).png().toBuffer();
    const printed = await readSide((workers) => readPrinted(workers.printed, front));
    expect(buildDocumentReading({ mrz: null, printed }, TODAY)).toMatchObject({
      source: 'printed',
      surname: 'ӘЛИЕВ',
      givenNames: 'АРМАН',
      iin: '040512500320',
      birthDate: '2004-05-12',
    });

    const back = { mrz: { text: composeTd1(person).join('\n'), confidence: 90 }, printed: null };
    const card = buildDocumentReading(mergeSides([{ mrz: null, printed }, back]), TODAY);
    expect(card).toMatchObject({ source: 'mrz', checkDigitsValid: true, surname: 'ALIEV' });
  }, 120_000);
});
