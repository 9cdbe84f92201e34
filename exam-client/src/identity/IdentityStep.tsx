import type { AdalSocket } from '@adal/shared/web';
import { useTranslation } from 'react-i18next';
import { IdentityCheck } from './IdentityCheck.js';

/**
 * The identity check as a section of the exam room (written, oral and state exams, thesis
 * defence), below the device check. The computer test shows IdentityCheck as a step of its own.
 */
export function IdentityStep({ sittingId, socket }: { sittingId: string; socket: AdalSocket | null }) {
  const { t } = useTranslation();
  return (
    <section className="card identity-step" aria-labelledby="identity-step-title">
      <h2 id="identity-step-title">{t('identityDocument.step.title')}</h2>
      <IdentityCheck key={sittingId} sittingId={sittingId} socket={socket} />
    </section>
  );
}
