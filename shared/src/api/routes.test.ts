import { describe, expect, it } from 'vitest';
import { http, pathFor } from './routes.js';

describe('http contract', () => {
  it('fills and encodes path parameters', () => {
    expect(pathFor(http.getSitting.path, { sittingId: 'a b' })).toBe('/api/sittings/a%20b');
    expect(() => pathFor(http.getSitting.path, {})).toThrow(/sittingId/);
  });

  it('has one route per method and path, all under /api', () => {
    const keys = Object.values(http).map((r) => `${r.method} ${r.path}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const r of Object.values(http)) expect(r.path.startsWith('/api/')).toBe(true);
  });

  it('declares a params schema exactly when the path has parameters', () => {
    for (const [name, r] of Object.entries(http))
      expect([name, r.path.includes(':')]).toEqual([name, 'params' in r]);
  });
});
