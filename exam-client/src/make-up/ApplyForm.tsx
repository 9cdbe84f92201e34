import { AbsenceReason, type MakeUpApplicationView } from '@adal/shared';
import { ErrorNotice, isApiError, useAuth, useLanguage } from '@adal/shared/web';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type ApplicationDraft,
  applicationBody,
  type DraftProblems,
  draftProblems,
  type Refusal,
  refusalOf,
} from './application-form.js';
import { EvidenceProgress, type SendPhase } from './EvidenceProgress.js';
import { checkEvidence, EVIDENCE_ACCEPT, megabytes } from './evidence-check.js';
import { readFileBase64, sendApplication } from './upload.js';

interface ApplyFormProps {
  sittingId: string;
  /** A rejected application came before: "Apply again". */
  again: boolean;
  onApplied(view: MakeUpApplicationView): void;
}

/**
 * The application: reason, what happened, and the evidence file. The file is checked here as the
 * server checks it (type by content, at most 5 MB) before anything is sent; then it goes up with
 * a progress bar.
 */
export function ApplyForm({ sittingId, again, onApplied }: ApplyFormProps) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { sessionEnded } = useAuth();
  const id = useId();
  const [draft, setDraft] = useState<ApplicationDraft>({ reason: 'illness', explanation: '', file: null });
  const [fileSize, setFileSize] = useState(0);
  const fileRef = useRef<File | null>(null);
  const [shown, setShown] = useState<DraftProblems>({});
  const [phase, setPhase] = useState<SendPhase | null>(null);
  const [progress, setProgress] = useState({ sent: 0, total: 0 });
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const abort = useRef<AbortController | null>(null);
  useEffect(() => () => abort.current?.abort(), []);

  const fieldIds = {
    reason: `${id}-reason`,
    explanation: `${id}-explanation`,
    explanationHint: `${id}-explanation-hint`,
    explanationError: `${id}-explanation-error`,
    evidence: `${id}-evidence`,
    evidenceHint: `${id}-evidence-hint`,
    evidenceError: `${id}-evidence-error`,
  };

  const pickFile = async (file: File | undefined) => {
    setRefusal(null);
    fileRef.current = file ?? null;
    setFileSize(file?.size ?? 0);
    if (!file) {
      setDraft((d) => ({ ...d, file: null }));
      return;
    }
    const check = await checkEvidence(file);
    // A later pick wins over a slower check of an earlier one.
    if (fileRef.current !== file) return;
    setDraft((d) => ({ ...d, file: { name: file.name, check } }));
    setShown((s) => ({ ...s, evidence: check.ok ? undefined : check.problem }));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (phase) return;
    setRefusal(null);
    const problems = draftProblems(draft);
    setShown(problems);
    const file = fileRef.current;
    if (problems.explanation || problems.evidence || !file) {
      document.getElementById(problems.explanation ? fieldIds.explanation : fieldIds.evidence)?.focus();
      return;
    }
    const controller = new AbortController();
    abort.current = controller;
    try {
      setPhase('reading');
      const base64 = await readFileBase64(
        file,
        (sent, total) => setProgress({ sent, total }),
        controller.signal,
      );
      setPhase('uploading');
      setProgress({ sent: 0, total: 0 });
      const view = await sendApplication(sittingId, applicationBody(draft, base64), {
        signal: controller.signal,
        onUploadProgress: (sent, total) => setProgress({ sent, total }),
        onUploaded: () => setPhase('checking'),
      });
      onApplied(view);
    } catch (error) {
      if (controller.signal.aborted) return;
      setPhase(null);
      if (isApiError(error) && error.code === 'unauthenticated') return sessionEnded();
      const why = refusalOf(error);
      if ('evidence' in why) setShown((s) => ({ ...s, evidence: why.evidence }));
      else setRefusal(why);
    }
  };

  const evidenceError = shown.evidence;
  const titleId = `${id}-title`;
  return (
    <form className="make-up-form" aria-labelledby={titleId} onSubmit={submit} noValidate>
      <h3 id={titleId}>{again ? t('makeUp.student.form.againTitle') : t('makeUp.student.form.title')}</h3>
      <fieldset disabled={phase !== null}>
        <label htmlFor={fieldIds.reason}>{t('makeUp.student.form.reason')}</label>
        <select
          id={fieldIds.reason}
          value={draft.reason}
          onChange={(e) => setDraft((d) => ({ ...d, reason: e.target.value as ApplicationDraft['reason'] }))}
        >
          {AbsenceReason.options.map((reason) => (
            <option key={reason} value={reason}>
              {t(`makeUp.reasons.${reason}`)}
            </option>
          ))}
        </select>

        <label htmlFor={fieldIds.explanation}>{t('makeUp.student.form.explanation')}</label>
        <textarea
          id={fieldIds.explanation}
          value={draft.explanation}
          rows={4}
          maxLength={2000}
          required
          aria-invalid={shown.explanation !== undefined}
          aria-describedby={
            shown.explanation
              ? `${fieldIds.explanationHint} ${fieldIds.explanationError}`
              : fieldIds.explanationHint
          }
          onChange={(e) => {
            const explanation = e.target.value;
            setDraft((d) => ({ ...d, explanation }));
            setShown((s) => ({ ...s, explanation: undefined }));
          }}
        />
        <p id={fieldIds.explanationHint} className="hint">
          {t('makeUp.student.form.explanationHint')}
        </p>
        {shown.explanation && (
          <p id={fieldIds.explanationError} className="form-error" role="alert">
            {t('makeUp.student.form.explanationRequired')}
          </p>
        )}

        <label htmlFor={fieldIds.evidence}>{t('makeUp.student.form.evidence')}</label>
        <input
          id={fieldIds.evidence}
          type="file"
          accept={EVIDENCE_ACCEPT}
          required
          aria-invalid={evidenceError !== undefined}
          aria-describedby={
            evidenceError ? `${fieldIds.evidenceHint} ${fieldIds.evidenceError}` : fieldIds.evidenceHint
          }
          onChange={(e) => void pickFile(e.target.files?.[0])}
        />
        <p id={fieldIds.evidenceHint} className="hint">
          {t('makeUp.student.form.evidenceHint')}
        </p>
        {draft.file && !evidenceError && (
          <p className="muted" data-testid="chosen-file">
            {t('makeUp.student.form.chosen', {
              name: draft.file.name,
              size: t('makeUp.megabytes', { size: megabytes(fileSize, language) }),
            })}
          </p>
        )}
        {evidenceError && (
          <p id={fieldIds.evidenceError} className="form-error" role="alert" data-testid="evidence-error">
            {evidenceError === 'evidenceRequired'
              ? t('makeUp.student.form.evidenceRequired')
              : t(`makeUp.student.evidenceErrors.${evidenceError}`, {
                  size: t('makeUp.megabytes', { size: megabytes(fileSize, language) }),
                })}
          </p>
        )}
      </fieldset>
      {phase && <EvidenceProgress phase={phase} sent={progress.sent} total={progress.total} />}
      {refusal && 'refused' in refusal && (
        <p className="form-error" role="alert">
          {t(`makeUp.student.refused.${refusal.refused}`)}
        </p>
      )}
      {refusal && 'other' in refusal && <ErrorNotice error={refusal.other} />}
      <button type="submit" className="button-primary" disabled={phase !== null}>
        {phase ? t('makeUp.student.form.sending') : t('makeUp.student.form.submit')}
      </button>
    </form>
  );
}
