import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Period } from './academic-period.js';

interface PeriodFilterProps {
  period: Period;
  /** The address asked for a start after the end. */
  invalid: boolean;
  onChange(period: Period): void;
}

/** "Tests for the period: from – to" with both days included. */
export function PeriodFilter({ period, invalid, onChange }: PeriodFilterProps) {
  const { t } = useTranslation();
  const [from, setFrom] = useState(period.from);
  const [to, setTo] = useState(period.to);
  const [problem, setProblem] = useState(invalid);
  useEffect(() => {
    setFrom(period.from);
    setTo(period.to);
    setProblem(invalid);
  }, [period.from, period.to, invalid]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!from || !to || from > to) {
      setProblem(true);
      return;
    }
    setProblem(false);
    onChange({ from, to });
  };

  return (
    <form className="period-filter" onSubmit={submit} aria-labelledby="period-title" noValidate>
      <h2 id="period-title">{t('appeals.passed.period')}</h2>
      <div className="period-fields">
        <label>
          <span>{t('appeals.passed.from')}</span>
          <input
            type="date"
            name="from"
            value={from}
            required
            aria-invalid={problem}
            aria-describedby={problem ? 'period-error' : undefined}
            onChange={(e) => setFrom(e.target.value)}
          />
        </label>
        <label>
          <span>{t('appeals.passed.to')}</span>
          <input
            type="date"
            name="to"
            value={to}
            required
            aria-invalid={problem}
            aria-describedby={problem ? 'period-error' : undefined}
            onChange={(e) => setTo(e.target.value)}
          />
        </label>
        <button type="submit" className="button-secondary">
          {t('appeals.passed.show')}
        </button>
      </div>
      {problem && (
        <p id="period-error" className="form-error" role="alert">
          {t('appeals.passed.badPeriod')}
        </p>
      )}
    </form>
  );
}
