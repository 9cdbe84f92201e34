import sharp from 'sharp';

/**
 * Fake-camera clips for the face checks, built from one portrait: the head turned (a cylinder
 * warp around the face: the nose moves toward one cheek as in a real turn) and the eyes closed
 * (the eye openings painted over with the skin just above them). Chromium plays y4m files in a loop.
 */
export const W = 640;
export const H = 480;

export interface FaceGeometry {
  /** Face centre and half-width in frame pixels. */
  cx: number;
  halfWidth: number;
  /** Eye boxes (outer corner … inner corner, lid to lid) to paint closed. */
  eyes: { x0: number; x1: number; y0: number; y1: number }[];
}

/** RGB (3 channels) W×H of `jpegOrPng`, resized to the frame. */
export async function rgbFrame(image: Buffer): Promise<Buffer> {
  return sharp(image).resize(W, H).removeAlpha().raw().toBuffer();
}

/** The head turned by `degrees` (positive: the nose moves to the image's right). */
export function turnHead(rgb: Buffer, face: FaceGeometry, degrees: number): Buffer {
  const out = Buffer.from(rgb);
  const r = face.halfWidth * 1.15;
  const theta = (degrees * Math.PI) / 180;
  for (let x = 0; x < W; x++) {
    const u = (x - face.cx) / r;
    if (Math.abs(u) >= 1) continue;
    const phi = Math.asin(u) - theta;
    const sourceX = Math.abs(phi) < Math.PI / 2 ? face.cx + r * Math.sin(phi) : face.cx + Math.sign(phi) * r;
    const sx = Math.max(0, Math.min(W - 1, Math.round(sourceX)));
    for (let y = 0; y < H; y++) {
      const to = (y * W + x) * 3;
      const from = (y * W + sx) * 3;
      out[to] = rgb[from] ?? 0;
      out[to + 1] = rgb[from + 1] ?? 0;
      out[to + 2] = rgb[from + 2] ?? 0;
    }
  }
  return out;
}

/**
 * The eyes closed: each eye opening covered with the skin colour of the cheek below it (shaded a
 * little darker toward the lid line), and a curved lash line where the lids meet.
 */
export function closeEyes(rgb: Buffer, face: FaceGeometry): Buffer {
  const out = Buffer.from(rgb);
  for (const eye of face.eyes) {
    const height = eye.y1 - eye.y0;
    const padX = Math.round((eye.x1 - eye.x0) * 0.15);
    const padY = Math.round(height * Number(process.env.PADY ?? 0.7));
    const x0 = Math.round(eye.x0) - padX;
    const x1 = Math.round(eye.x1) + padX;
    const y0 = Math.round(eye.y0) - padY;
    const y1 = Math.round(eye.y1) + Math.round(padY / 2);
    // The cheek just under the eye: its mean colour is the lid's.
    const skin = [0, 0, 0];
    let n = 0;
    for (let y = y1 + padY; y < y1 + 2 * padY; y++)
      for (let x = x0; x <= x1; x++) {
        for (let c = 0; c < 3; c++) skin[c] = (skin[c] ?? 0) + (rgb[(y * W + x) * 3 + c] ?? 0);
        n++;
      }
    const lidY = eye.y0 + height * 0.65;
    const mid = (x0 + x1) / 2;
    const half = (x1 - x0) / 2;
    for (let x = x0; x <= x1; x++) {
      // The lash line sags a little in the middle, as a closed lid does.
      const lash = lidY + height * 0.25 * (1 - ((x - mid) / half) ** 2);
      for (let y = y0; y <= y1; y++) {
        const to = (y * W + x) * 3;
        const edge = Math.min(x - x0, x1 - x, y - y0, y1 - y) / 3; // feathered border
        const keep = Math.max(0, 1 - Math.min(1, edge));
        const shade = 1 - 0.12 * Math.max(0, 1 - Math.abs(y - lash) / (height * 0.6));
        for (let c = 0; c < 3; c++) {
          const lid = ((skin[c] ?? 0) / n) * shade;
          const value = Math.abs(y - lash) < Number(process.env.LASH ?? 1.2) ? 35 : lid;
          out[to + c] = Math.round(keep * (rgb[to + c] ?? 0) + (1 - keep) * value);
        }
      }
    }
  }
  return out;
}

/** RGB frames → a y4m clip (I420, BT.601 full range as C420jpeg says) at `fps`. */
export function y4m(frames: readonly Buffer[], fps: number): Buffer {
  const clamp = (n: number) => Math.max(0, Math.min(255, Math.round(n)));
  const parts: Buffer[] = [Buffer.from(`YUV4MPEG2 W${W} H${H} F${fps}:1 Ip A1:1 C420jpeg\n`)];
  for (const rgb of frames) {
    const y = Buffer.alloc(W * H);
    const u = Buffer.alloc((W / 2) * (H / 2));
    const v = Buffer.alloc((W / 2) * (H / 2));
    for (let row = 0; row < H; row++)
      for (let col = 0; col < W; col++) {
        const i = (row * W + col) * 3;
        const [r, g, b] = [rgb[i] ?? 0, rgb[i + 1] ?? 0, rgb[i + 2] ?? 0];
        y[row * W + col] = clamp(0.299 * r + 0.587 * g + 0.114 * b);
        if (row % 2 === 0 && col % 2 === 0) {
          const c = (row / 2) * (W / 2) + col / 2;
          u[c] = clamp(128 - 0.168736 * r - 0.331264 * g + 0.5 * b);
          v[c] = clamp(128 + 0.5 * r - 0.418688 * g - 0.081312 * b);
        }
      }
    parts.push(Buffer.from('FRAME\n'), y, u, v);
  }
  return Buffer.concat(parts);
}

export const jpegOf = (rgb: Buffer) =>
  sharp(rgb, { raw: { width: W, height: H, channels: 3 } })
    .jpeg({ quality: 92 })
    .toBuffer();
