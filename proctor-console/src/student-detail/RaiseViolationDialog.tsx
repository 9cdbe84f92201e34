import { type LogEntry, ProctorViolationType } from '@adal/shared';
import { useAuth } from '@adal/shared/web';
import { type FormEvent, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFailureText } from './error-text.js';
import { Modal } from './Modal.js';
import { type Snapshot, SnapshotError, takeSnapshot } from './take-snapshot.js';

const SEVERITIES = ['low', 'medium', 'high'] as const;
type RaisedSeverity = (typeof SEVERITIES)[number];

interface RaiseViolationDialogProps {
  sittingId: string;
  studentId: string;
  studentName: string;
  /** The live webcam, for the snapshot; null when there is none. */
  webcam: MediaStreamTrack | null;
  onRaised: (entry: LogEntry) => void;
  onClose: () => void;
}

/** An object URL for a blob while it is shown, revoked afterwards. */
function useObjectUrl(blob: Blob | null): string | null {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!blob) {
      setUrl(null);
      return;
    }
    const made = URL.createObjectURL(blob);
    setUrl(made);
    return () => URL.revokeObjectURL(made);
  }, [blob]);
  return url;
}

/** A violation the proctor saw: type, severity, a note, and optionally a still from the webcam. */
export function RaiseViolationDialog({
  sittingId,
  studentId,
  studentName,
  webcam,
  onRaised,
  onClose,
}: RaiseViolationDialogProps) {
  const { t } = useTranslation();
  const failureText = useFailureText();
  const { callApi } = useAuth();
  const ids = { type: useId(), severity: useId(), note: useId(), snapshotHint: useId() };
  const [type, setType] = useState<ProctorViolationType>('left_camera_view');
  const [severity, setSeverity] = useState<RaisedSeverity>('medium');
  const [note, setNote] = useState('');
  const [snapshot, setSnapshot] = useState<Snapshot | null>(null);
  const [taking, setTaking] = useState(false);
  const [snapshotError, setSnapshotError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const previewUrl = useObjectUrl(snapshot?.blob ?? null);

  const take = () => {
    if (!webcam) return;
    setTaking(true);
    setSnapshotError(null);
    takeSnapshot(webcam).then(
      (taken) => {
        setTaking(false);
        setSnapshot(taken);
      },
      (caught: unknown) => {
        setTaking(false);
        console.warn('snapshot failed', caught);
        setSnapshotError(
          caught instanceof SnapshotError && caught.code === 'too_large'
            ? t('studentDetail.violation.tooLarge')
            : t('studentDetail.violation.snapshotFailed'),
        );
      },
    );
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setPending(true);
    setError(null);
    const body = { type, severity, note: note.trim(), ...(snapshot ? { snapshot: snapshot.base64 } : {}) };
    callApi('raiseViolation', { params: { sittingId, studentId }, body }).then(
      (entry) => {
        setPending(false);
        onRaised(entry);
        onClose();
      },
      (caught: unknown) => {
        setPending(false);
        setError(failureText(caught));
      },
    );
  };

  return (
    <Modal title={t('studentDetail.violation.title', { name: studentName })} onClose={onClose}>
      <form className="sd-dialog-form" onSubmit={submit}>
        <label htmlFor={ids.type}>{t('studentDetail.violation.type')}</label>
        <select
          id={ids.type}
          value={type}
          onChange={(event) => setType(ProctorViolationType.parse(event.target.value))}
        >
          {ProctorViolationType.options.map((option) => (
            <option key={option} value={option}>
              {t(`studentDetail.violations.${option}`)}
            </option>
          ))}
        </select>
        <label htmlFor={ids.severity}>{t('studentDetail.violation.severity')}</label>
        <select
          id={ids.severity}
          value={severity}
          onChange={(event) => setSeverity(SEVERITIES.find((s) => s === event.target.value) ?? 'medium')}
        >
          {SEVERITIES.map((level) => (
            <option key={level} value={level}>
              {t(`studentDetail.severity.${level}`)}
            </option>
          ))}
        </select>
        <label htmlFor={ids.note}>{t('studentDetail.violation.note')}</label>
        <textarea
          id={ids.note}
          rows={3}
          maxLength={2000}
          value={note}
          onChange={(event) => setNote(event.target.value)}
        />

        <fieldset className="sd-snapshot">
          <legend>{t('studentDetail.violation.snapshot')}</legend>
          {previewUrl && snapshot && (
            <figure className="sd-snapshot-preview">
              <img
                src={previewUrl}
                alt={t('studentDetail.violation.previewAlt')}
                width={snapshot.width}
                height={snapshot.height}
              />
              <figcaption className="muted">
                {t('studentDetail.violation.previewSize', {
                  width: snapshot.width,
                  height: snapshot.height,
                  kb: Math.ceil(snapshot.blob.size / 1024),
                })}
              </figcaption>
            </figure>
          )}
          <div className="sd-dialog-buttons">
            <button
              type="button"
              className="button-secondary"
              onClick={take}
              disabled={!webcam || taking || pending}
              aria-describedby={webcam ? undefined : ids.snapshotHint}
            >
              {taking
                ? t('studentDetail.violation.taking')
                : snapshot
                  ? t('studentDetail.violation.retake')
                  : t('studentDetail.violation.take')}
            </button>
            {snapshot && (
              <button
                type="button"
                className="button-secondary"
                onClick={() => setSnapshot(null)}
                disabled={pending}
              >
                {t('studentDetail.violation.remove')}
              </button>
            )}
          </div>
          {!webcam && (
            <p id={ids.snapshotHint} className="sd-hint">
              {t('studentDetail.violation.noVideo')}
            </p>
          )}
          {snapshotError && (
            <p className="inline-error" role="alert">
              {snapshotError}
            </p>
          )}
        </fieldset>

        {error !== null && (
          <p className="inline-error" role="alert">
            {error}
          </p>
        )}
        <div className="sd-dialog-buttons">
          <button type="submit" className="button-danger" disabled={pending || taking}>
            {pending ? t('studentDetail.dialog.sending') : t('studentDetail.violation.submit')}
          </button>
          <button type="button" className="button-secondary" onClick={onClose} disabled={pending}>
            {t('studentDetail.dialog.cancel')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
