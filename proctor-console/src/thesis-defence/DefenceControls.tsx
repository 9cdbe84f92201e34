import type { DefenceActionBody, DefenceSlotView } from '@adal/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ReasonForm } from './ReasonForm.js';

interface DefenceControlsProps {
  defender: DefenceSlotView;
  busy: boolean;
  onAct(studentId: string, body: DefenceActionBody): Promise<boolean>;
}

/** The secretary's (or chair's) buttons for the one defending: what fits the defence's stage. */
export function DefenceControls({ defender, busy, onAct }: DefenceControlsProps) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState<'interrupt' | 'stop' | null>(null);
  const act = (body: DefenceActionBody) => onAct(defender.studentId, body);
  const { stage } = defender;

  if (asking)
    return (
      <ReasonForm
        key={asking}
        label={t(
          asking === 'interrupt'
            ? 'thesisDefence.actions.interruptReason'
            : 'thesisDefence.actions.stopReason',
        )}
        confirm={t(
          asking === 'interrupt'
            ? 'thesisDefence.actions.confirmInterrupt'
            : 'thesisDefence.actions.confirmStop',
        )}
        danger={asking === 'stop'}
        busy={busy}
        onCancel={() => setAsking(null)}
        onConfirm={async (reason) => {
          const done = await act({ action: asking, reason });
          if (done) setAsking(null);
          return done;
        }}
      />
    );
  return (
    <div className="defence-buttons" data-testid="defence-controls">
      {stage === 'talk' && (
        <button
          type="button"
          className="button-primary"
          disabled={busy}
          onClick={() => void act({ action: 'end_talk' })}
        >
          {t('thesisDefence.actions.endTalk')}
        </button>
      )}
      {(stage === 'talk' || stage === 'questions') && (
        <>
          <button
            type="button"
            className={stage === 'questions' ? 'button-primary' : 'button-secondary'}
            disabled={busy}
            onClick={() => void act({ action: 'finish' })}
          >
            {t('thesisDefence.actions.finish')}
          </button>
          <button
            type="button"
            className="button-secondary"
            disabled={busy}
            onClick={() => setAsking('interrupt')}
          >
            {t('thesisDefence.actions.interrupt')}
          </button>
        </>
      )}
      {stage === 'interrupted' && (
        <button
          type="button"
          className="button-primary"
          disabled={busy}
          onClick={() => void act({ action: 'resume' })}
        >
          {t('thesisDefence.actions.resume')}
        </button>
      )}
      <button type="button" className="button-danger" disabled={busy} onClick={() => setAsking('stop')}>
        {t('thesisDefence.actions.stop')}
      </button>
    </div>
  );
}
