/**
 * PostgreSQL text and jsonb cannot hold U+0000, so a string with one would fail at the insert
 * (a 500). It is refused at the boundary instead, naming the field; no exam text needs it.
 */
export function nulTextPath(value: unknown, at: string[] = []): string[] | undefined {
  if (typeof value === 'string') return value.includes('\u0000') ? at : undefined;
  if (value && typeof value === 'object')
    for (const [key, inner] of Object.entries(value)) {
      if (key.includes('\u0000')) return [...at, key];
      const found = nulTextPath(inner, [...at, key]);
      if (found) return found;
    }
  return undefined;
}

export const NUL_MESSAGE = 'contains a NUL character';
