import type { SeedSummary } from './demo-university.js';

/** The lines `npm start` and `npm run seed` print so a newcomer can log in at once. */
export function loginsText(summary: Pick<SeedSummary, 'password' | 'logins'>): string {
  const staff = summary.logins.filter((l) => l.role !== 'student');
  const students = summary.logins.filter((l) => l.role === 'student');
  const first = students[0]?.login ?? '';
  const last = students.at(-1)?.login ?? '';
  return [
    `Demo logins (password for all: ${summary.password})`,
    ...staff.map((l) => `  ${l.login.padEnd(10)} ${l.role.padEnd(20)} ${l.fullName}`),
    `  ${first} … ${last}  students of group ИС-22-1`,
  ].join('\n');
}
