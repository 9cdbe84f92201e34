import type { DetectedFace } from '@adal/shared/identity';

type Box = DetectedFace['box'];

/** How much of the smaller box the other covers (0–1). */
export function overlapShare(a: Box, b: Box): number {
  const w = Math.min(a.xMin + a.width, b.xMin + b.width) - Math.max(a.xMin, b.xMin);
  const h = Math.min(a.yMin + a.height, b.yMin + b.height) - Math.max(a.yMin, b.yMin);
  if (w <= 0 || h <= 0) return 0;
  const smaller = Math.min(a.width * a.height, b.width * b.height);
  return smaller > 0 ? (w * h) / smaller : 0;
}

/**
 * The face mesh's tracker now and then reports one face twice: the region it tracked from the
 * last frame next to a fresh detection of the same face. Two people's faces do not lie mostly
 * inside each other, so such a pair is one face ("only you" must not fire on the student alone).
 * The larger box is kept: the tracked region is the one that has drifted and shrunk.
 */
export function withoutDuplicates<T extends { box: Box }>(faces: readonly T[], maxOverlap = 0.5): T[] {
  const bySize = [...faces].sort((a, b) => b.box.width * b.box.height - a.box.width * a.box.height);
  const kept: T[] = [];
  for (const face of bySize)
    if (kept.every((k) => overlapShare(k.box, face.box) <= maxOverlap)) kept.push(face);
  // Back in the model's order, so the first face stays first where it was not a duplicate.
  return faces.filter((f) => kept.includes(f));
}
