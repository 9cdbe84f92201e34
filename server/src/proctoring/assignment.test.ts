import { describe, expect, it } from 'vitest';
import { splitRoster } from './assignment.js';

const p = (id: string) => ({ id, fullName: id.toUpperCase() });
const students = ['s1', 's2', 's3', 's4', 's5'];

describe('splitRoster', () => {
  it('gives each proctor a contiguous block of the list', () => {
    const split = splitRoster(students, [p('a'), p('b')], new Map());
    expect(students.map((s) => split.get(s)?.id)).toEqual(['a', 'a', 'a', 'b', 'b']);
  });

  it('applies a hand-over to a proctor of the sitting and ignores one to a proctor who left', () => {
    const split = splitRoster(
      students,
      [p('a'), p('b')],
      new Map([
        ['s1', 'b'],
        ['s5', 'gone'],
      ]),
    );
    expect(split.get('s1')?.id).toBe('b');
    expect(split.get('s5')?.id).toBe('b');
  });

  it('leaves students unassigned when the sitting has no proctor', () => {
    expect(splitRoster(students, [], new Map()).get('s1')).toBeNull();
  });
});
