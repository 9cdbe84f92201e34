import { useTranslation } from 'react-i18next';
import type { Instructions, RoomScanRequest, Warning } from './instructions.js';
import './chat-log.css';

interface ProctorInstructionsProps {
  instructions: Pick<Instructions, 'warning' | 'roomScan'>;
  acknowledge(seq: number): void;
}

/** What the proctor asks now: a room scan to do, a warning to read and acknowledge. */
export function ProctorInstructions({ instructions, acknowledge }: ProctorInstructionsProps) {
  return (
    <>
      {instructions.roomScan && <RoomScanPrompt request={instructions.roomScan} />}
      {instructions.warning && <WarningBanner warning={instructions.warning} onOk={acknowledge} />}
    </>
  );
}

/** The proctor's warning stays until the student presses OK (remembered for this tab). */
export function WarningBanner({ warning, onOk }: { warning: Warning; onOk(seq: number): void }) {
  const { t } = useTranslation();
  return (
    <section
      className="notice notice-error proctor-warning"
      role="alert"
      aria-labelledby="proctor-warning-title"
      data-testid="proctor-warning"
      data-seq={warning.seq}
    >
      <div>
        <h2 id="proctor-warning-title">{t('studentLog.warning.title')}</h2>
        {warning.text && <p>{warning.text}</p>}
      </div>
      <button type="button" className="button-primary" onClick={() => onOk(warning.seq)}>
        {t('studentLog.warning.ok')}
      </button>
    </section>
  );
}

/** Room scan and desk check (exam-procedures, "Identity and room"): until the proctor marks it done or failed. */
export function RoomScanPrompt({ request }: { request: RoomScanRequest }) {
  const { t } = useTranslation();
  return (
    <section
      className="notice notice-info room-scan-prompt"
      role="alert"
      aria-labelledby="room-scan-title"
      data-testid="room-scan-request"
      data-seq={request.seq}
    >
      <div>
        <h2 id="room-scan-title">{t('studentLog.roomScan.title')}</h2>
        <p>{t('studentLog.roomScan.intro')}</p>
        <ol>
          <li>{t('studentLog.roomScan.step1')}</li>
          <li>{t('studentLog.roomScan.step2')}</li>
          <li>{t('studentLog.roomScan.step3')}</li>
        </ol>
        {request.note && <p>{t('studentLog.roomScan.note', { note: request.note })}</p>}
      </div>
    </section>
  );
}
