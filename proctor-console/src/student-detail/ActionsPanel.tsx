import type { AttemptClock, InterventionAction, LogEntry, ProctoringRow } from '@adal/shared';
import { useAuth } from '@adal/shared/web';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ShownAttempt } from '../attempts/attempt-rows.js';
import { type ActionState, actionStates, contextOf, type DetailAction } from './actions.js';
import { useFailureText } from './error-text.js';
import { InterventionDialog } from './InterventionDialog.js';
import { RaiseViolationDialog } from './RaiseViolationDialog.js';

interface ActionsPanelProps {
  sittingId: string;
  row: ProctoringRow;
  /** The student's open attempt (Pause/Resume act on it), or null. */
  attempt: ShownAttempt | null;
  webcam: MediaStreamTrack | null;
  onRow: (row: ProctoringRow) => void;
  onAdmitted: () => void;
  onClock: (attemptId: string, clock: AttemptClock) => void;
  onEntry: (entry: LogEntry) => void;
}

/** The buttons in the order a sitting goes: admission, room scan, during the exam, the end. */
const GROUPS: { key: 'admission' | 'roomScan' | 'during' | 'end'; actions: DetailAction[] }[] = [
  { key: 'admission', actions: ['admit', 'deny'] },
  { key: 'roomScan', actions: ['request_room_scan', 'room_scan_done', 'room_scan_failed'] },
  { key: 'during', actions: ['warn', 'pause', 'resume', 'raise_violation'] },
  { key: 'end', actions: ['terminate', 'permit_leave'] },
];

/** Done at once; every other action opens a dialog for its reason, note or details. */
type DirectAction = 'admit' | 'pause' | 'resume';
const isDirect = (action: DetailAction): action is DirectAction =>
  action === 'admit' || action === 'pause' || action === 'resume';
const DANGER = new Set<DetailAction>(['deny', 'terminate', 'raise_violation']);

type Dialog = Exclude<DetailAction, DirectAction>;
const isIntervention = (action: Dialog): action is Dialog & InterventionAction =>
  action !== 'raise_violation';

/** Everything a proctor does to the student; each is logged and shown to the student. */
export function ActionsPanel({
  sittingId,
  row,
  attempt,
  webcam,
  onRow,
  onAdmitted,
  onClock,
  onEntry,
}: ActionsPanelProps) {
  const { t } = useTranslation();
  const failureText = useFailureText();
  const { callApi } = useAuth();
  const titleId = useId();
  const hintPrefix = useId();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [pending, setPending] = useState<DetailAction | null>(null);
  const [failure, setFailure] = useState<{ action: DetailAction; text: string } | null>(null);
  const states = actionStates(contextOf(row, attempt));
  const studentId = row.studentId;

  const run = (action: DetailAction, call: () => Promise<void>) => {
    setPending(action);
    setFailure(null);
    call().then(
      () => setPending(null),
      (caught: unknown) => {
        setPending(null);
        setFailure({ action, text: failureText(caught) });
      },
    );
  };

  const direct: Record<DirectAction, () => Promise<void>> = {
    admit: async () => {
      await callApi('setAdmission', { params: { sittingId }, body: { studentId, access: 'green' } });
      onAdmitted();
    },
    pause: async () => {
      if (!attempt) return;
      const params = { sittingId, attemptId: attempt.attemptId };
      onClock(attempt.attemptId, await callApi('pauseAttempt', { params, body: {} }));
    },
    resume: async () => {
      if (!attempt) return;
      const params = { sittingId, attemptId: attempt.attemptId };
      onClock(attempt.attemptId, await callApi('resumeAttempt', { params, body: {} }));
    },
  };

  const onClick = (action: DetailAction) => {
    setFailure(null);
    if (isDirect(action)) run(action, direct[action]);
    else setDialog(action);
  };

  const button = (action: DetailAction, state: ActionState) => {
    const hintId = `${hintPrefix}-${action}`;
    return (
      <li key={action} className="sd-action" data-action={action}>
        <button
          type="button"
          className={
            DANGER.has(action) ? 'button-danger' : action === 'admit' ? 'button-primary' : 'button-secondary'
          }
          disabled={!state.enabled || pending !== null}
          aria-describedby={state.enabled ? undefined : hintId}
          onClick={() => onClick(action)}
        >
          {t(`studentDetail.actions.${action}`)}
        </button>
        {!state.enabled && (
          <span id={hintId} className="sd-hint">
            {t(`studentDetail.blockers.${state.blocker}`)}
          </span>
        )}
      </li>
    );
  };

  return (
    <section className="card sd-actions" aria-labelledby={titleId}>
      <h2 id={titleId}>{t('studentDetail.actions.title')}</h2>
      <p className="muted">{t('studentDetail.actions.intro')}</p>
      {GROUPS.map((group) => (
        <div key={group.key} className="sd-action-group">
          <h3>{t(`studentDetail.actionGroups.${group.key}`)}</h3>
          <ul className="sd-action-list">{group.actions.map((action) => button(action, states[action]))}</ul>
        </div>
      ))}
      {pending && (
        <p className="muted" role="status">
          {t('studentDetail.dialog.sending')}
        </p>
      )}
      {failure && (
        <p className="inline-error" role="alert">
          {t('studentDetail.actions.failed', {
            action: t(`studentDetail.actions.${failure.action}`),
            reason: failure.text,
          })}
        </p>
      )}
      {dialog && isIntervention(dialog) && (
        <InterventionDialog
          sittingId={sittingId}
          studentId={studentId}
          studentName={row.fullName}
          action={dialog}
          onDone={onRow}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog === 'raise_violation' && (
        <RaiseViolationDialog
          sittingId={sittingId}
          studentId={studentId}
          studentName={row.fullName}
          webcam={webcam}
          onRaised={onEntry}
          onClose={() => setDialog(null)}
        />
      )}
    </section>
  );
}
