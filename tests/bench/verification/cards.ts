/**
 * Synthetic Kazakhstan identity documents rendered with sharp from SVG: random people with valid
 * IINs and Kazakh or Russian names, as ID card backs (TD1 zone) and passport photo pages (TD3
 * zone), each clean, turned ±3°, noisy and as a JPEG at quality 50.
 */
import { iinCheckDigit } from '@adal/shared';
import { composeTd1, composeTd3, type MrzPerson } from '@adal/shared/identity';
import sharp from 'sharp';
import { seeded } from './faces.js';

/** [Cyrillic, the Latin spelling in the zone] */
const SURNAMES: [string, string][] = [
  ['ӘБІЛҚАСЫМОВ', 'ABILKASSYMOV'],
  ['НҰРЛАНОВ', 'NURLANOV'],
  ['ЖАҚЫПОВ', 'ZHAKYPOV'],
  ['ТӨЛЕГЕНОВ', 'TOLEGENOV'],
  ['СӘРСЕНБАЕВ', 'SARSENBAYEV'],
  ['ҚАЙРАТОВ', 'KAIRATOV'],
  ['ИВАНОВ', 'IVANOV'],
  ['СМИРНОВ', 'SMIRNOV'],
  ['КУЗНЕЦОВ', 'KUZNETSOV'],
  ['ПОПОВ', 'POPOV'],
  ['ВОЛКОВ', 'VOLKOV'],
  ['ОМАРОВ', 'OMAROV'],
];
const MALE: [string, string][] = [
  ['АРМАН', 'ARMAN'],
  ['ЕРЛАН', 'YERLAN'],
  ['ДӘУРЕН', 'DAUREN'],
  ['НҰРСҰЛТАН', 'NURSULTAN'],
  ['АЛЕКСЕЙ', 'ALEKSEI'],
  ['ДМИТРИЙ', 'DMITRII'],
];
const FEMALE: [string, string][] = [
  ['АЙГЕРІМ', 'AIGERIM'],
  ['ДИНАРА', 'DINARA'],
  ['ЖАНСАЯ', 'ZHANSAYA'],
  ['ӘСЕЛ', 'ASSEL'],
  ['АННА', 'ANNA'],
  ['ЕКАТЕРИНА', 'YEKATERINA'],
];

export interface CardPerson extends MrzPerson {
  surnameCyr: string;
  givenCyr: string;
  birthPrinted: string;
}

export type CardVariant = 'clean' | 'rotated' | 'noise' | 'jpeg50';
export const CARD_VARIANTS: readonly CardVariant[] = ['clean', 'rotated', 'noise', 'jpeg50'];

export interface CardFixture {
  id: string;
  kind: 'id_card' | 'passport';
  variant: CardVariant;
  person: CardPerson;
  jpeg: Buffer;
}

const two = (n: number) => String(n).padStart(2, '0');

export function randomPeople(count: number, seed = 42): CardPerson[] {
  const random = seeded(seed);
  const pick = <T>(list: T[]): T => list[Math.floor(random() * list.length)] as T;
  const digits = (n: number) => Array.from({ length: n }, () => Math.floor(random() * 10)).join('');
  const people: CardPerson[] = [];
  while (people.length < count) {
    const female = random() < 0.5;
    const year = 1998 + Math.floor(random() * 10);
    const month = 1 + Math.floor(random() * 12);
    const day = 1 + Math.floor(random() * 28);
    const birth = `${two(year % 100)}${two(month)}${two(day)}`;
    // Century-and-sex digit: 3/4 for the 1900s, 5/6 for the 2000s (odd is male).
    const century = (year < 2000 ? 3 : 5) + (female ? 1 : 0);
    const first11 = `${birth}${century}${digits(4)}`;
    const check = iinCheckDigit(first11);
    if (check === null) continue;
    const [surnameCyr, surname] = pick(SURNAMES);
    const [givenCyr, givenNames] = pick(female ? FEMALE : MALE);
    // Kazakh and Russian surnames both take -А for women.
    people.push({
      documentNumber: `0${digits(8)}`,
      surname: female ? `${surname}A` : surname,
      surnameCyr: female ? `${surnameCyr}А` : surnameCyr,
      givenNames,
      givenCyr,
      birthDate: birth,
      birthPrinted: `${two(day)}.${two(month)}.${year}`,
      expiryDate: `${two(30 + Math.floor(random() * 6))}${two(month)}${two(day)}`,
      sex: female ? 'F' : 'M',
      iin: `${first11}${check}`,
    });
  }
  return people;
}

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
const text = (s: string, x: number, y: number, size: number, mono = false) =>
  `<text x="${x}" y="${y}" font-family="${mono ? 'DejaVu Sans Mono' : 'DejaVu Sans'}" font-size="${size}" fill="#1a1a1a">${escape(s)}</text>`;

/** The back of an ID card (85.6 × 54 mm at 15 px/mm): printed lines, then the TD1 zone. */
function idCardBack(p: CardPerson): { svg: string; width: number; height: number } {
  const printed = [
    'ТУҒАН ЖЕРІ / МЕСТО РОЖДЕНИЯ  АЛМАТЫ',
    'ҰЛТЫ / НАЦИОНАЛЬНОСТЬ  ҚАЗАҚ',
    'БЕРГЕН ОРГАН / ОРГАН ВЫДАЧИ  ІШКІ ІСТЕР МИНИСТРЛІГІ',
    `ЖСН / ИИН  ${p.iin}`,
  ];
  const body = [
    ...printed.map((s, i) => text(s, 40, 90 + i * 56, 30)),
    ...composeTd1(p).map((s, i) => text(s, 40, 630 + i * 78, 62, true)),
  ].join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1284" height="810"><rect width="100%" height="100%" fill="#dfe8e4"/>${body}</svg>`;
  return { svg, width: 1284, height: 810 };
}

/** A passport's photo page (125 × 88 mm at 10 px/mm): photo, printed fields, the TD3 zone. */
function passportPage(p: CardPerson): { svg: string; width: number; height: number } {
  const lines: [string, number][] = [
    ['ҚАЗАҚСТАН РЕСПУБЛИКАСЫ  REPUBLIC OF KAZAKHSTAN', 26],
    ['ТЕГІ / SURNAME', 18],
    [`${p.surnameCyr} / ${p.surname}`, 28],
    ['АТЫ / GIVEN NAMES', 18],
    [`${p.givenCyr} / ${p.givenNames}`, 28],
    ['ТУҒАН КҮНІ / DATE OF BIRTH', 18],
    [p.birthPrinted, 28],
    [`ЖСН / IIN  ${p.iin}`, 28],
    [`ПАСПОРТ № / PASSPORT No  N${p.documentNumber.slice(1)}`, 24],
  ];
  const body = [
    ...lines.map(([s, size], i) => text(s, 360, 60 + i * 52, size)),
    ...composeTd3(p).map((s, i) => text(s, 36, 760 + i * 70, 44, true)),
  ].join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1250" height="880"><rect width="100%" height="100%" fill="#eef0e6"/><rect x="40" y="90" width="280" height="360" fill="#9aa9a4"/>${body}</svg>`;
  return { svg, width: 1250, height: 880 };
}

/**
 * One clean passport photo page as a JPEG, with `face` (a portrait, any size) in the photo box:
 * the identity e2e test's document.
 */
export async function passportJpeg(person: CardPerson, face?: Buffer): Promise<Buffer> {
  const png = await sharp(Buffer.from(passportPage(person).svg))
    .png()
    .toBuffer();
  const photo = face
    ? [{ input: await sharp(face).resize(280, 360, { fit: 'cover' }).toBuffer(), left: 40, top: 90 }]
    : [];
  return sharp(png).composite(photo).jpeg({ quality: 92 }).toBuffer();
}

/** Gaussian-ish noise (sum of three uniforms), σ ≈ 14 grey levels, on every channel. */
async function noisy(png: Buffer, random: () => number): Promise<Buffer> {
  const { data, info } = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  for (let i = 0; i < data.length; i++) {
    const n = (random() + random() + random() - 1.5) * 28;
    data[i] = Math.max(0, Math.min(255, (data[i] ?? 0) + n));
  }
  return sharp(data, { raw: { width: info.width, height: info.height, channels: info.channels } })
    .jpeg({ quality: 92 })
    .toBuffer();
}

export async function cardFixtures(people: CardPerson[]): Promise<CardFixture[]> {
  const random = seeded(99);
  const out: CardFixture[] = [];
  for (const [i, person] of people.entries()) {
    for (const kind of ['id_card', 'passport'] as const) {
      const { svg } = kind === 'id_card' ? idCardBack(person) : passportPage(person);
      const png = await sharp(Buffer.from(svg)).png().toBuffer();
      for (const variant of CARD_VARIANTS) {
        let jpeg: Buffer;
        if (variant === 'clean') jpeg = await sharp(png).jpeg({ quality: 92 }).toBuffer();
        else if (variant === 'rotated')
          // A card a little askew on a dark desk, alternating the direction.
          jpeg = await sharp(png)
            .rotate(i % 2 === 0 ? 3 : -3, { background: '#4a4e54' })
            .jpeg({ quality: 92 })
            .toBuffer();
        else if (variant === 'noise') jpeg = await noisy(png, random);
        else jpeg = await sharp(png).jpeg({ quality: 50 }).toBuffer();
        out.push({ id: `${kind}/${i + 1}/${variant}`, kind, variant, person, jpeg });
      }
    }
  }
  return out;
}
