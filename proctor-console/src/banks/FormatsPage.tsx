import { BANK_IMPORT_LIMITS } from '@adal/shared';
import { useDocumentTitle } from '@adal/shared/web';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LIMIT_MEGABYTES } from './import-file.js';
import './banks.css';

/** Short samples in the formats' own syntax, as in server/src/banks/import/README.md. */
const SAMPLES = {
  gift: `// difficulty: simple
// topic: SQL
::SELECT:: Which command reads rows from a table? {=SELECT ~INSERT ~UPDATE ~DELETE}

Первичный ключ может быть NULL. {F}

// difficulty: hard
Which properties make up ACID? {
  ~%25%Atomicity
  ~%25%Consistency
  ~%25%Isolation
  ~%25%Durability
  ~%-100%Scalability
}`,
  aiken: `// difficulty: medium
// topic: Графтар
Дейкстра алгоритмі қандай графтарда дұрыс нәтиже бермейді?
A. Салмағы теріс қабырғалары бар графтарда
B. Бағытталған графтарда
C. Салмақсыз графтарда
ANSWER: A`,
  csv: `kind,difficulty,topic,question,option_a,option_b,option_c,option_d,correct
single,simple,Желілер,OSI моделінде неше деңгей бар?,5,7,4,9,B
multiple,средний,Сети,"Какие протоколы транспортного уровня?",TCP,UDP,IP,"HTTP, HTTPS",A;B
true_false,hard,Networks,UDP guarantees ordered delivery.,,,,,false
short_answer,қиын,Желілер,/26 ішкі желісінде неше хост бар?,,,,,62|62 хост`,
};

const EXAMPLE_FILES = [
  ['example.gift.txt', 'gift'],
  ['example.aiken.txt', 'aiken'],
  ['example.csv', 'csv'],
  ['excel-ru.csv', 'excel'],
] as const;

/** `/banks/formats`: the three formats in brief, for whoever prepares a teacher's file. */
export function FormatsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('staff.formats.title'));
  return (
    <article className="formats-page" aria-labelledby="formats-title">
      <p>
        <Link to="/banks">{t('staff.formats.back')}</Link>
      </p>
      <h1 id="formats-title">{t('staff.formats.title')}</h1>
      <p>{t('staff.formats.intro')}</p>

      <section aria-labelledby="format-gift">
        <h2 id="format-gift">{t('staff.formats.giftTitle')}</h2>
        <p>{t('staff.formats.gift')}</p>
        <p>{t('staff.formats.giftRules')}</p>
        <pre className="format-sample">{SAMPLES.gift}</pre>
        <p className="muted">{t('staff.formats.giftRefused')}</p>
      </section>

      <section aria-labelledby="format-aiken">
        <h2 id="format-aiken">{t('staff.formats.aikenTitle')}</h2>
        <p>{t('staff.formats.aiken')}</p>
        <pre className="format-sample">{SAMPLES.aiken}</pre>
      </section>

      <section aria-labelledby="format-csv">
        <h2 id="format-csv">{t('staff.formats.csvTitle')}</h2>
        <p>{t('staff.formats.csv')}</p>
        <p>{t('staff.formats.csvRules')}</p>
        <pre className="format-sample">{SAMPLES.csv}</pre>
      </section>

      <section aria-labelledby="format-difficulty">
        <h2 id="format-difficulty">{t('staff.formats.difficultyTitle')}</h2>
        <p>{t('staff.formats.difficulty')}</p>
        <h2>{t('staff.formats.disciplineTitle')}</h2>
        <p>{t('staff.formats.discipline')}</p>
        <h2>{t('staff.formats.limitsTitle')}</h2>
        <p>
          {t('staff.formats.limits', {
            megabytes: LIMIT_MEGABYTES,
            questions: BANK_IMPORT_LIMITS.maxQuestions,
            stem: BANK_IMPORT_LIMITS.maxStemChars,
            minOptions: BANK_IMPORT_LIMITS.minOptions,
            maxOptions: BANK_IMPORT_LIMITS.maxOptions,
            option: BANK_IMPORT_LIMITS.maxOptionChars,
          })}
        </p>
      </section>

      <section aria-labelledby="format-examples">
        <h2 id="format-examples">{t('staff.formats.examplesTitle')}</h2>
        <p>{t('staff.formats.examples')}</p>
        <ul>
          {EXAMPLE_FILES.map(([file, label]) => (
            <li key={file}>
              <code>{file}</code> — {t(`staff.formats.exampleFiles.${label}`)}
            </li>
          ))}
        </ul>
      </section>
    </article>
  );
}
