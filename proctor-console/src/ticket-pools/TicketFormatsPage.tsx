import { TICKET_IMPORT_LIMITS } from '@adal/shared';
import { useDocumentTitle } from '@adal/shared/web';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LIMIT_MEGABYTES } from './pool-import.js';
import '../banks/banks.css';
import './ticket-pools.css';

/** Short samples in both formats, as in server/src/ticket-pools/import/README.md. */
export const SAMPLES = {
  text: `// Алгоритмдер — жазбаша емтихан
Билет № 1
1. Жылдам сұрыптау алгоритмін түсіндіріңіз.
2. Хэш-кестедегі коллизияларды шешу тәсілдері.

2-билет
Объясните алгоритм Дейкстры.
Сравните сортировку слиянием и пирамидальную сортировку.

Ticket 3
1) Explain amortised analysis of a dynamic array.
2) Describe topological sorting.
`,
  csv: `ticket,question
1,Жылдам сұрыптау алгоритмін түсіндіріңіз.
1,"Хэш-кесте: коллизиялар, шешу тәсілдері."
2,Объясните алгоритм Дейкстры.
2,Сравните сортировку слиянием и пирамидальную сортировку.
3,Explain amortised analysis of a dynamic array.
3,Describe topological sorting.
`,
};

/**
 * A sample as a file to download. The CSV starts with a byte-order mark so that Excel opens it
 * as UTF-8 and shows the Kazakh letters; the server reads it with or without one.
 */
const download = (format: 'text' | 'csv') =>
  format === 'csv'
    ? `data:text/csv;charset=utf-8,${encodeURIComponent(`\uFEFF${SAMPLES.csv}`)}`
    : `data:text/plain;charset=utf-8,${encodeURIComponent(SAMPLES.text)}`;

/** `/ticket-pools/formats`: the two formats in brief, for whoever prepares a teacher's file. */
export function TicketFormatsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('ticketPools.formats.title'));
  return (
    <article className="formats-page pool-formats" aria-labelledby="pool-formats-title">
      <p>
        <Link to="/ticket-pools">{t('ticketPools.formats.back')}</Link>
      </p>
      <h1 id="pool-formats-title">{t('ticketPools.formats.title')}</h1>
      <p>{t('ticketPools.formats.intro')}</p>

      <section aria-labelledby="pool-format-text">
        <h2 id="pool-format-text">{t('ticketPools.formats.textTitle')}</h2>
        <p>{t('ticketPools.formats.text')}</p>
        <p>{t('ticketPools.formats.headings')}</p>
        <ul>
          <li lang="kk">{t('ticketPools.formats.headingsKk')}</li>
          <li lang="ru">{t('ticketPools.formats.headingsRu')}</li>
          <li>{t('ticketPools.formats.headingsEn')}</li>
        </ul>
        <p>{t('ticketPools.formats.textRules')}</p>
        <pre className="format-sample" data-testid="pool-sample-text">
          {SAMPLES.text}
        </pre>
      </section>

      <section aria-labelledby="pool-format-csv">
        <h2 id="pool-format-csv">{t('ticketPools.formats.csvTitle')}</h2>
        <p>{t('ticketPools.formats.csv')}</p>
        <p>{t('ticketPools.formats.csvRules')}</p>
        <pre className="format-sample" data-testid="pool-sample-csv">
          {SAMPLES.csv}
        </pre>
      </section>

      <section aria-labelledby="pool-format-encoding">
        <h2 id="pool-format-encoding">{t('ticketPools.formats.encodingTitle')}</h2>
        <p>{t('ticketPools.formats.encoding')}</p>
        <p className="notice">{t('ticketPools.formats.kazakh')}</p>
        <h2>{t('ticketPools.formats.refusedTitle')}</h2>
        <p>{t('ticketPools.formats.refused', { maxNumber: TICKET_IMPORT_LIMITS.maxTicketNumber })}</p>
        <h2>{t('ticketPools.formats.limitsTitle')}</h2>
        <p>
          {t('ticketPools.formats.limits', {
            megabytes: LIMIT_MEGABYTES,
            tickets: TICKET_IMPORT_LIMITS.maxTickets,
            questions: TICKET_IMPORT_LIMITS.maxQuestionsPerTicket,
            chars: TICKET_IMPORT_LIMITS.maxQuestionChars,
          })}
        </p>
      </section>

      <section aria-labelledby="pool-format-examples">
        <h2 id="pool-format-examples">{t('ticketPools.formats.examplesTitle')}</h2>
        <p>{t('ticketPools.formats.examples')}</p>
        <ul>
          {(['text', 'csv'] as const).map((format) => (
            <li key={format}>
              {t(`ticketPools.formats.exampleFiles.${format}`)} —{' '}
              <a href={download(format)} download={format === 'csv' ? 'tickets.csv' : 'tickets.txt'}>
                {t('ticketPools.formats.download')}
              </a>
            </li>
          ))}
        </ul>
      </section>
    </article>
  );
}
