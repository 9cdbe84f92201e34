import type { IdentityCheckView, IdentityDecision } from '@adal/shared';
import { useAuth } from '@adal/shared/web';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFailureText } from './error-text.js';
import { TextDialog } from './TextDialog.js';

/** The contract's limit for the note the student reads. */
const NOTE_MAX = 500;

interface IdentityDecisionControlsProps {
  check: IdentityCheckView;
  onDecided: (check: IdentityCheckView) => void;
}

/**
 * Verified at once; Retake and Rejected ask for the note the student reads. The decision may be
 * changed while this is the student's latest check. Admission stays the Admit button.
 */
export function IdentityDecisionControls({ check, onDecided }: IdentityDecisionControlsProps) {
  const { t } = useTranslation();
  const { callApi } = useAuth();
  const failureText = useFailureText();
  const [dialog, setDialog] = useState<'retake' | 'rejected' | null>(null);
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const send = async (decision: IdentityDecision, note?: string) => {
    const decided = await callApi('decideIdentityCheck', {
      params: { sittingId: check.sittingId, studentId: check.studentId, checkId: check.checkId },
      body: note === undefined ? { decision } : { decision, note },
    });
    onDecided(decided);
  };

  const verify = () => {
    setPending(true);
    setFailure(null);
    send('verified').then(
      () => setPending(false),
      (caught: unknown) => {
        setPending(false);
        setFailure(failureText(caught));
      },
    );
  };

  return (
    <div className="sd-identity-decide">
      <div className="sd-identity-buttons">
        <button
          type="button"
          className="button-primary"
          disabled={pending}
          aria-pressed={check.decision === 'verified'}
          onClick={verify}
        >
          {t('studentDetail.identity.decide.verified')}
        </button>
        <button
          type="button"
          className="button-secondary"
          disabled={pending}
          aria-pressed={check.decision === 'retake'}
          onClick={() => setDialog('retake')}
        >
          {t('studentDetail.identity.decide.retake')}
        </button>
        <button
          type="button"
          className="button-danger"
          disabled={pending}
          aria-pressed={check.decision === 'rejected'}
          onClick={() => setDialog('rejected')}
        >
          {t('studentDetail.identity.decide.rejected')}
        </button>
      </div>
      {failure !== null && (
        <p className="inline-error" role="alert">
          {t('studentDetail.identity.failed', { reason: failure })}
        </p>
      )}
      <p className="sd-hint">
        {check.decision === null
          ? t('studentDetail.identity.admitSeparately')
          : t('studentDetail.identity.changeDecision')}
      </p>
      {dialog !== null && (
        <TextDialog
          title={t(`studentDetail.identity.${dialog === 'retake' ? 'retakeDialog' : 'rejectDialog'}.title`)}
          explain={t(
            `studentDetail.identity.${dialog === 'retake' ? 'retakeDialog' : 'rejectDialog'}.explain`,
          )}
          fieldLabel={t('studentDetail.identity.noteLabel')}
          hint={t('studentDetail.identity.noteHint')}
          submitLabel={t(
            `studentDetail.identity.${dialog === 'retake' ? 'retakeDialog' : 'rejectDialog'}.submit`,
          )}
          minLength={1}
          maxLength={NOTE_MAX}
          destructive={dialog === 'rejected'}
          onSubmit={(note) => send(dialog, note.trim())}
          onClose={() => setDialog(null)}
        />
      )}
    </div>
  );
}
