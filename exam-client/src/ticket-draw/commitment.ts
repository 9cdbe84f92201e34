/**
 * The commitment as the student reads it: the first and last eight hex digits in groups of four,
 * enough to compare by eye with what staff publish ("3f9a c21e … 7d01 90be").
 */
export function shortCommitment(hex: string): string {
  const groups = (s: string) => s.match(/.{1,4}/g)?.join(' ') ?? s;
  if (hex.length <= 16) return groups(hex);
  return `${groups(hex.slice(0, 8))} … ${groups(hex.slice(-8))}`;
}
