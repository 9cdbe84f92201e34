import type { InterventionAction, ProctoringRow } from '@adal/shared';
import { useAuth } from '@adal/shared/web';
import { useTranslation } from 'react-i18next';
import { INTERVENTIONS, interventionBody, MIN_LENGTH } from './actions.js';
import { TextDialog } from './TextDialog.js';

interface InterventionDialogProps {
  sittingId: string;
  studentId: string;
  studentName: string;
  action: InterventionAction;
  onDone: (row: ProctoringRow) => void;
  onClose: () => void;
}

/**
 * Deny, warn, room scan, terminate, permit leave: one dialog each, with the reason, warning or
 * note the action needs. Deny and terminate end the sitting, so they read as a confirmation.
 */
export function InterventionDialog({
  sittingId,
  studentId,
  studentName,
  action,
  onDone,
  onClose,
}: InterventionDialogProps) {
  const { t } = useTranslation();
  const { callApi } = useAuth();
  const { field, destructive } = INTERVENTIONS[action];
  const minLength = MIN_LENGTH[field];
  return (
    <TextDialog
      title={t(`studentDetail.interventions.${action}.title`, { name: studentName })}
      explain={t(`studentDetail.interventions.${action}.explain`)}
      fieldLabel={t(`studentDetail.fields.${field}`)}
      hint={t(`studentDetail.fieldHints.${field}`)}
      submitLabel={t(`studentDetail.interventions.${action}.submit`)}
      minLength={minLength}
      destructive={destructive}
      onSubmit={async (text) => {
        const row = await callApi('intervene', {
          params: { sittingId, studentId },
          body: interventionBody(action, text),
        });
        onDone(row);
      }}
      onClose={onClose}
    />
  );
}
