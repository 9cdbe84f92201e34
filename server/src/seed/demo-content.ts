import type { QuestionOption } from '../banks/schema.js';

type Difficulty = 'simple' | 'medium' | 'hard';
interface DemoQuestion {
  difficulty: Difficulty;
  kind: 'single' | 'multiple';
  stem: string;
  options: string[];
  correct: number[];
}

/** A small databases bank: four questions per difficulty, single and several correct answers. */
export const DATABASE_QUESTIONS: DemoQuestion[] = [
  {
    difficulty: 'simple',
    kind: 'single',
    stem: 'Which SQL statement reads rows from a table?',
    options: ['SELECT', 'INSERT', 'UPDATE', 'DROP'],
    correct: [0],
  },
  {
    difficulty: 'simple',
    kind: 'single',
    stem: 'What does a primary key guarantee?',
    options: ['Unique, non-null rows', 'Faster writes', 'Sorted storage', 'Encryption'],
    correct: [0],
  },
  {
    difficulty: 'simple',
    kind: 'single',
    stem: 'Which clause filters rows?',
    options: ['WHERE', 'ORDER BY', 'GROUP BY', 'LIMIT'],
    correct: [0],
  },
  {
    difficulty: 'simple',
    kind: 'multiple',
    stem: 'Which are aggregate functions?',
    options: ['COUNT', 'SUM', 'UPPER', 'AVG'],
    correct: [0, 1, 3],
  },
  {
    difficulty: 'medium',
    kind: 'single',
    stem: 'Which normal form removes transitive dependencies?',
    options: ['3NF', '1NF', '2NF', 'BCNF only'],
    correct: [0],
  },
  {
    difficulty: 'medium',
    kind: 'single',
    stem: 'A LEFT JOIN returns…',
    options: [
      'All left rows and matching right rows',
      'Only matching rows',
      'All right rows',
      'A Cartesian product',
    ],
    correct: [0],
  },
  {
    difficulty: 'medium',
    kind: 'multiple',
    stem: 'Which are ACID properties?',
    options: ['Atomicity', 'Consistency', 'Availability', 'Durability'],
    correct: [0, 1, 3],
  },
  {
    difficulty: 'medium',
    kind: 'single',
    stem: 'Which index type suits range queries best?',
    options: ['B-tree', 'Hash', 'Bitmap only', 'None'],
    correct: [0],
  },
  {
    difficulty: 'hard',
    kind: 'single',
    stem: 'Which isolation level prevents phantom reads in the SQL standard?',
    options: ['Serializable', 'Read committed', 'Read uncommitted', 'Repeatable read'],
    correct: [0],
  },
  {
    difficulty: 'hard',
    kind: 'multiple',
    stem: 'Which can cause a deadlock?',
    options: [
      'Two transactions locking rows in opposite order',
      'Lock escalation',
      'A single SELECT without locks',
      'Foreign key checks under concurrent writes',
    ],
    correct: [0, 1, 3],
  },
  {
    difficulty: 'hard',
    kind: 'single',
    stem: 'What does MVCC give readers?',
    options: [
      'A consistent snapshot without blocking writers',
      'Exclusive locks',
      'Faster DDL',
      'Automatic sharding',
    ],
    correct: [0],
  },
  {
    difficulty: 'hard',
    kind: 'single',
    stem: 'A covering index lets a query…',
    options: [
      'Be answered from the index alone',
      'Skip the WHERE clause',
      'Avoid transactions',
      'Update faster',
    ],
    correct: [0],
  },
];

export function toOptions(texts: string[]): QuestionOption[] {
  return texts.map((text, i) => ({ id: String.fromCharCode(97 + i), text }));
}

/** Closed tickets: three questions each, numbered from 1. */
export function demoTickets(topics: string[], count: number): { number: number; questions: string[] }[] {
  return Array.from({ length: count }, (_, i) => ({
    number: i + 1,
    questions: [0, 1, 2].map((q) => `${topics[(i + q * 3) % topics.length]} (${i + 1}.${q + 1})`),
  }));
}

export const ALGORITHM_TOPICS = [
  'Explain quicksort and its average complexity',
  'Compare BFS and DFS on a grid',
  'Describe a hash table with open addressing',
  'Prove Dijkstra’s algorithm correct for non-negative weights',
  'Design a LRU cache',
  'Explain dynamic programming on the knapsack problem',
  'Describe balanced binary search trees',
  'Explain amortised analysis of a dynamic array',
  'Compare merge sort and heap sort',
  'Describe topological sorting',
];
