import { readFileSync } from 'node:fs';
import { TICKET_IMPORT_LIMITS } from '@adal/shared';
import { describe, expect, it } from 'vitest';
import { parseTicketSource } from './parse-pool.js';
import { accepted } from './test-helpers.js';

const readme = readFileSync(new URL('./README.md', import.meta.url), 'utf8');
const samples = [...readme.matchAll(/```(tickets|csv)\n([\s\S]*?)```/g)].map((m) => ({
  fence: m[1] as string,
  text: m[2] as string,
}));

describe('README.md', () => {
  it('has an example of each format', () => {
    expect(samples.map((s) => s.fence).sort()).toEqual(['csv', 'tickets']);
  });

  it.each(samples)('imports the $fence example as the README says', ({ fence, text }) => {
    const result = accepted(parseTicketSource(text));
    expect(result.format).toBe(fence === 'csv' ? 'csv' : 'text');
    expect(result.counts.tickets).toBeGreaterThan(1);
  });

  it('quotes the limits the importer applies', () => {
    expect(readme).toContain(`| tickets per pool | ${TICKET_IMPORT_LIMITS.maxTickets} |`);
    expect(readme).toContain(`| questions per ticket | 1 to ${TICKET_IMPORT_LIMITS.maxQuestionsPerTicket} |`);
    expect(readme).toContain(
      `| question text | ${TICKET_IMPORT_LIMITS.maxQuestionChars.toLocaleString('en')} characters |`,
    );
    expect(readme).toContain(
      `| ticket numbers | 1 to ${TICKET_IMPORT_LIMITS.maxTicketNumber.toLocaleString('en')} (gaps are allowed) |`,
    );
  });
});

describe('the console’s formats page', () => {
  // The page shows (and offers for download) the README's samples; read as text, not imported.
  const page = readFileSync(
    new URL('../../../../proctor-console/src/ticket-pools/TicketFormatsPage.tsx', import.meta.url),
    'utf8',
  );
  const shown = (name: string) => new RegExp(`${name}: \`([\\s\\S]*?)\`,`).exec(page)?.[1];

  it('shows the same samples as the README', () => {
    expect(shown('text')).toBe(samples.find((s) => s.fence === 'tickets')?.text);
    expect(shown('csv')).toBe(samples.find((s) => s.fence === 'csv')?.text);
  });
});
