/**
 * The page the accuracy harness drives in headless Chromium: the exam client's own identity
 * modules (face worker, OCR passes, face match), built by Vite into a throwaway folder. Pictures
 * arrive as base64 strings (page.evaluate carries no binary) and go back as plain results.
 */
import { eyeOpenness, headPose } from '@adal/shared/identity';
import * as faceapi from '@vladmandic/face-api';
import type { DocumentKind } from '../../../../exam-client/src/identity/document/document-kind.js';
import { readDocumentSide, warmOcr } from '../../../../exam-client/src/identity/document/document-ocr.js';
import {
  buildDocumentReading,
  mergeSides,
} from '../../../../exam-client/src/identity/document/document-reading.js';
import {
  type FaceDetector,
  startFaceDetector,
} from '../../../../exam-client/src/identity/face/face-detector.js';
import {
  loadFaceModels,
  matchFaces,
} from '../../../../exam-client/src/identity/face-match/face-descriptors.js';
import type { HarnessApi } from './api.js';

const blobOf = (base64: string, type: string) =>
  new Blob([Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))], { type });
const bitmapOf = (base64: string) => createImageBitmap(blobOf(base64, 'image/jpeg'));

let detector: FaceDetector | null = null;
const faceDetector = () => {
  detector ??= startFaceDetector();
  return detector;
};

const api: HarnessApi = {
  async findPeople(photo) {
    await loadFaceModels();
    const bitmap = await bitmapOf(photo);
    const canvas = document.createElement('canvas');
    canvas.width = bitmap.width;
    canvas.height = bitmap.height;
    canvas.getContext('2d')?.drawImage(bitmap, 0, 0);
    bitmap.close();
    const options = new faceapi.TinyFaceDetectorOptions({ inputSize: 608, scoreThreshold: 0.3 });
    const found = await faceapi.detectAllFaces(canvas, options);
    return found.map((f) => ({
      x: f.box.x,
      y: f.box.y,
      width: f.box.width,
      height: f.box.height,
      score: f.score,
    }));
  },

  async loadFaceCheck() {
    return faceDetector().load();
  },

  async faceFrames(frames) {
    const out = [];
    for (const frame of frames) {
      const bitmap = await bitmapOf(frame);
      const started = performance.now();
      const result = await faceDetector().detect(bitmap, { still: true });
      out.push({
        faces: result.faces.length,
        brightness: result.brightness,
        workerMs: result.ms,
        roundTripMs: performance.now() - started,
      });
    }
    return out;
  },

  async poses(frames) {
    const out = [];
    for (const frame of frames) {
      const result = await faceDetector().detect(await bitmapOf(frame), { still: true });
      const face = result.faces[0];
      const points = face?.keypoints ?? [];
      const pose = points.length >= 468 ? headPose(points) : null;
      const eyeIndices = [33, 133, 159, 145, 263, 362, 386, 374];
      out.push({
        faces: result.faces.length,
        yaw: pose?.yaw ?? null,
        pitch: pose?.pitch ?? null,
        eyes: points.length >= 468 ? eyeOpenness(points) : null,
        box: face?.box ?? null,
        eyePoints:
          points.length >= 468 ? eyeIndices.map((i) => ({ x: points[i]?.x ?? 0, y: points[i]?.y ?? 0 })) : [],
      });
    }
    return out;
  },

  async monitor(frame, seconds, fps) {
    // Like the exam's monitoring: one camera frame per tick, tracked (not `still`), skipped while busy.
    const source = await bitmapOf(frame);
    const ms: number[] = [];
    let skipped = 0;
    const end = performance.now() + seconds * 1000;
    await new Promise<void>((resolve) => {
      const timer = setInterval(() => {
        if (performance.now() >= end) {
          clearInterval(timer);
          resolve();
          return;
        }
        const check = faceDetector();
        if (check.busy) {
          skipped++;
          return;
        }
        void createImageBitmap(source)
          .then((bitmap) => check.detect(bitmap))
          .then((r) => ms.push(r.ms));
      }, 1000 / fps);
    });
    source.close();
    return { frames: ms.length, skipped, workerMs: ms };
  },

  async readCard(photo, kind: DocumentKind) {
    // As in the document step, the workers start before the first photo (not counted in its time).
    await warmOcr();
    const side = kind === 'id_card' ? 'back' : 'photo_page';
    const { ocr, ocrMs } = await readDocumentSide(blobOf(photo, 'image/jpeg'), kind, side, () => {});
    return { reading: buildDocumentReading(mergeSides([ocr])), ocrMs };
  },

  async match(live, onDocument) {
    await loadFaceModels();
    const started = performance.now();
    const result = await matchFaces(blobOf(live, 'image/jpeg'), blobOf(onDocument, 'image/jpeg'));
    return { ...result, ms: performance.now() - started };
  },
};

(window as unknown as { harness: HarnessApi }).harness = api;
document.body.dataset.ready = 'yes';
