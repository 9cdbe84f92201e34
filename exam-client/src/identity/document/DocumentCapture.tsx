import { useAuth } from '@adal/shared/web';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useObjectUrl } from '../../answer-sheets/use-object-url.js';
import type { DocumentDone } from '../identity-flow.js';
import { DocumentCamera } from './DocumentCamera.js';
import { DocumentFields } from './DocumentFields.js';
import { DOCUMENT_KINDS, DOCUMENT_SIDES, type DocumentKind, type DocumentSide } from './document-kind.js';
import { readDocumentSide, releaseOcr, warmOcr } from './document-ocr.js';
import { buildDocumentReading, ownNamePreview } from './document-reading.js';
import { documentDone, type SideRead } from './document-sides.js';

/** Today as the list comparison wants it (the device's calendar day). */
const localToday = () => {
  const now = new Date();
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
};

type Phase = { phase: 'camera' } | { phase: 'reading'; photo: Blob; progress: number } | { phase: 'read' };

/**
 * The ID document in the rectangle: each side photographed (or uploaded), read on the device
 * with a progress bar, the fields shown with a preview against the student's own name; retake
 * at any point. Hands over the photo side, the reading and the OCR time.
 */
export function DocumentCapture({ onDone }: { onDone(document: DocumentDone): void }) {
  const { t } = useTranslation();
  const { user } = useAuth();
  const [kind, setKind] = useState<DocumentKind>('id_card');
  const [sides, setSides] = useState<SideRead[]>([]);
  const [phase, setPhase] = useState<Phase>({ phase: 'camera' });
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    // Start tesseract while the student frames the card; it is kept for both sides and retakes.
    warmOcr().catch(() => {});
    return () => {
      mounted.current = false;
      void releaseOcr();
    };
  }, []);

  const nextSide = DOCUMENT_SIDES[kind][sides.length] ?? null;
  const lastPhoto = phase.phase === 'reading' ? phase.photo : (sides.at(-1)?.photo ?? null);
  const photoUrl = useObjectUrl(lastPhoto);
  const reading = useMemo(
    () => buildDocumentReading(documentDone(sides)?.ocr ?? { mrz: null, printed: null }),
    [sides],
  );
  const preview = user?.fullName ? ownNamePreview(reading, user.fullName, localToday()) : null;

  const read = (photo: Blob) => {
    const side = nextSide;
    if (!side) return;
    setPhase({ phase: 'reading', photo, progress: 0 });
    readDocumentSide(photo, kind, side, (progress) => {
      if (mounted.current) setPhase({ phase: 'reading', photo, progress });
    })
      .then(
        ({ ocr, ocrMs }): SideRead => ({ side, photo, ocr, ocrMs, failed: false }),
        (): SideRead => ({ side, photo, ocr: { mrz: null, printed: null }, ocrMs: 0, failed: true }),
      )
      .then((done) => {
        if (!mounted.current) return;
        setSides((list) => [...list, done]);
        setPhase({ phase: 'read' });
      });
  };

  const changeKind = (next: DocumentKind) => {
    setKind(next);
    setSides([]);
    setPhase({ phase: 'camera' });
  };
  const retake = () => {
    setSides((list) => list.slice(0, -1));
    setPhase({ phase: 'camera' });
  };
  const finish = () => {
    const done = documentDone(sides);
    if (done) onDone({ photo: done.photo, reading, ocrMs: done.ocrMs });
  };

  const sideLabel = (side: DocumentSide) => t(`identityDocument.document.sides.${side}`);
  const lastSide = sides.at(-1);
  const shownSide = phase.phase === 'reading' ? nextSide : (lastSide?.side ?? null);
  return (
    <div className="document-capture" data-phase={phase.phase}>
      <fieldset className="document-kind" disabled={phase.phase === 'reading'}>
        <legend>{t('identityDocument.document.kind')}</legend>
        {DOCUMENT_KINDS.map((k) => (
          <label key={k}>
            <input type="radio" name="document-kind" checked={kind === k} onChange={() => changeKind(k)} />{' '}
            {t(`identityDocument.document.kinds.${k}`)}
          </label>
        ))}
      </fieldset>

      {phase.phase === 'camera' && nextSide && (
        <>
          <h3>{sideLabel(nextSide)}</h3>
          <DocumentCamera key={`${kind}-${nextSide}`} kind={kind} onPhoto={read} />
        </>
      )}

      {phase.phase !== 'camera' && photoUrl && shownSide && (
        <img
          className="document-photo"
          src={photoUrl}
          alt={t('identityDocument.document.photoAlt', { side: sideLabel(shownSide) })}
        />
      )}

      {phase.phase === 'reading' && (
        <div role="status">
          <p>{t('identityDocument.document.reading')}</p>
          <progress value={phase.progress} max={1} />
        </div>
      )}

      {phase.phase === 'read' && (
        <>
          {lastSide?.failed && (
            <p className="notice notice-error" role="alert">
              {t('identityDocument.document.readFailed')}
            </p>
          )}
          <DocumentFields reading={reading} preview={preview} />
          <div className="step-actions">
            <button type="button" className="button-secondary" onClick={retake}>
              {t('identityDocument.document.retake')}
            </button>
            {nextSide ? (
              <>
                <button
                  type="button"
                  className="button-primary"
                  onClick={() => setPhase({ phase: 'camera' })}
                >
                  {t('identityDocument.document.nextSide')}
                </button>
                <button type="button" className="button-secondary" onClick={finish}>
                  {t('identityDocument.document.skipSide')}
                </button>
              </>
            ) : (
              <button type="button" className="button-primary" onClick={finish}>
                {t('identityDocument.document.use')}
              </button>
            )}
          </div>
        </>
      )}
    </div>
  );
}
