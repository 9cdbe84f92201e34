/**
 * Face fixtures, built with sharp from face-api's demo photos (MIT, shipped in the npm package):
 * one portrait per person found in them, 640×480 like the face check's frame, then lighting,
 * blur and rotation variants, two- and three-face composites and frames with no face.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import sharp from 'sharp';

const require = createRequire(import.meta.url);
const demoDir = path.join(path.dirname(require.resolve('@vladmandic/face-api/package.json')), 'demo');
export const SAMPLE_PHOTOS = [1, 2, 3, 4, 5, 6].map((n) => path.join(demoDir, `sample${n}.jpg`));

export const LIGHTING = [0.3, 0.5, 0.8, 1.0, 1.3] as const;
export const BLUR = [0, 2] as const;
export const ROTATION = [0, -12, 12] as const;

const W = 640;
const H = 480;
/** Face width over frame width: the middle of the guidance's 0.28–0.62, where the oval wants it. */
const FACE_SHARE = 0.45;
/** Centre of the oval (shared OVAL_CENTRE). */
const OVAL_Y = 0.45;
/** The photo is padded with its own edge pixels so a portrait near a border still has a frame. */
const PAD = 1200;

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
  score: number;
}

export interface Person {
  id: string;
  /** 960×720 around the face (1.5× the frame), PNG: rotation is cut from it without empty corners. */
  wide: Buffer;
}

export interface FaceFrame {
  id: string;
  person: string;
  lighting: number;
  blur: number;
  rotation: number;
  jpeg: Buffer;
}

/** The faces face-api found that are big and clear enough to be a portrait, cut from each photo. */
export async function cutPeople(photo: string, boxes: Box[], photoNo: number): Promise<Person[]> {
  const padded = await sharp(photo)
    .extend({ top: PAD, bottom: PAD, left: PAD, right: PAD, extendWith: 'copy' })
    .png({ compressionLevel: 1 })
    .toBuffer();
  const people: Person[] = [];
  for (const [i, box] of boxes.entries()) {
    if (box.score < 0.45 || box.width < 90) continue;
    const cropW = (box.width / FACE_SHARE) * 1.5;
    const cropH = (cropW * H) / W;
    const cx = box.x + box.width / 2;
    const cy = box.y + box.height / 2;
    const left = Math.round(PAD + cx - cropW / 2);
    const top = Math.round(PAD + cy - cropH * (0.5 - (0.5 - OVAL_Y) / 1.5));
    const wide = await sharp(padded)
      .extract({ left, top, width: Math.round(cropW), height: Math.round(cropH) })
      .resize(W * 1.5, H * 1.5)
      .png({ compressionLevel: 1 })
      .toBuffer();
    people.push({ id: `s${photoNo}f${i + 1}`, wide });
  }
  return people;
}

const centre = (image: Buffer, width: number, height: number) =>
  sharp(image)
    .extract({ left: Math.round((width - W) / 2), top: Math.round((height - H) / 2), width: W, height: H })
    .png({ compressionLevel: 1 })
    .toBuffer();

/** The person's 640×480 frame, turned by `rotation` degrees (cut from the wider crop, no corners). */
export async function portrait(person: Person, rotation = 0): Promise<Buffer> {
  if (rotation === 0) return centre(person.wide, W * 1.5, H * 1.5);
  const { data, info } = await sharp(person.wide)
    .rotate(rotation)
    .png()
    .toBuffer({ resolveWithObject: true });
  return centre(data, info.width, info.height);
}

/** Lighting: every channel scaled (0.3 is a dim room, 1.3 clips the highlights); blur: Gaussian σ. */
export function lightAndBlur(frame: Buffer, lighting: number, blur: number): Promise<Buffer> {
  let image = sharp(frame).linear(lighting, 0);
  if (blur > 0) image = image.blur(blur);
  return image.jpeg({ quality: 92 }).toBuffer();
}

export async function faceVariants(person: Person): Promise<FaceFrame[]> {
  const frames: FaceFrame[] = [];
  for (const rotation of ROTATION) {
    const turned = await portrait(person, rotation);
    for (const lighting of LIGHTING)
      for (const blur of BLUR)
        frames.push({
          id: `${person.id}/L${lighting}/b${blur}/r${rotation}`,
          person: person.id,
          lighting,
          blur,
          rotation,
          jpeg: await lightAndBlur(turned, lighting, blur),
        });
  }
  return frames;
}

/** Two faces side by side, or three (two above, one below), each a half-size portrait. */
export async function composite(people: Person[]): Promise<Buffer> {
  const spots =
    people.length === 2
      ? [
          { left: 0, top: 120 },
          { left: 320, top: 120 },
        ]
      : [
          { left: 0, top: 0 },
          { left: 320, top: 0 },
          { left: 160, top: 240 },
        ];
  const tiles = await Promise.all(
    people.map(async (p, i) => ({
      input: await sharp(await portrait(p))
        .resize(W / 2, H / 2)
        .png()
        .toBuffer(),
      ...(spots[i] ?? { left: 0, top: 0 }),
    })),
  );
  return sharp({ create: { width: W, height: H, channels: 3, background: '#3c3f44' } })
    .composite(tiles)
    .jpeg({ quality: 92 })
    .toBuffer();
}

/** A small seeded generator, so every run builds the same fixtures. */
export function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

const rawJpeg = (data: Buffer) =>
  sharp(data, { raw: { width: W, height: H, channels: 3 } })
    .jpeg({ quality: 92 })
    .toBuffer();

/** Frames with nobody: flat grey, white, noise textures, a dark room, a gradient. */
export async function emptyFrames(): Promise<{ id: string; jpeg: Buffer }[]> {
  const random = seeded(7);
  const make = (pixel: (x: number, y: number) => number) => {
    const data = Buffer.alloc(W * H * 3);
    for (let y = 0; y < H; y++)
      for (let x = 0; x < W; x++) {
        const v = Math.max(0, Math.min(255, Math.round(pixel(x, y))));
        const i = (y * W + x) * 3;
        data[i] = v;
        data[i + 1] = v;
        data[i + 2] = Math.min(255, v + 6);
      }
    return rawJpeg(data);
  };
  return [
    { id: 'grey', jpeg: await make(() => 128) },
    { id: 'white', jpeg: await make(() => 235) },
    { id: 'noise-fine', jpeg: await make(() => random() * 255) },
    {
      id: 'noise-soft',
      jpeg: await sharp(await make(() => random() * 255))
        .blur(4)
        .toBuffer(),
    },
    { id: 'texture', jpeg: await make((x, y) => 128 + 60 * Math.sin(x / 9) * Math.cos(y / 13)) },
    { id: 'dark', jpeg: await make(() => 8 + random() * 6) },
    { id: 'black', jpeg: await make(() => 0) },
    { id: 'gradient', jpeg: await make((x, y) => (x + y) / 4.4) },
  ];
}
