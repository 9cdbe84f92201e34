import { useId } from 'react';
import { useTranslation } from 'react-i18next';

interface IdentityPanelProps {
  fullName: string;
  iin: string;
}

/**
 * Face photo, ID photo, the fields read from the ID against the roster, and the match result.
 * Identity verification comes with a later issue: until then only the roster side is known, and
 * the panel says plainly that nothing has been verified (no made-up photos or results).
 */
export function IdentityPanel({ fullName, iin }: IdentityPanelProps) {
  const { t } = useTranslation();
  const titleId = useId();
  const dash = t('studentDetail.identity.none');
  return (
    <section className="card sd-identity" aria-labelledby={titleId} data-verified="false">
      <div className="page-head">
        <h2 id={titleId}>{t('studentDetail.identity.title')}</h2>
        <span className="badge sd-not-verified">{t('studentDetail.identity.notVerified')}</span>
      </div>
      <p className="muted">{t('studentDetail.identity.explain')}</p>
      <div className="sd-identity-photos">
        <figure className="sd-photo-placeholder">
          <div aria-hidden="true" className="sd-photo-box" />
          <figcaption>
            {t('studentDetail.identity.facePhoto')}: {t('studentDetail.identity.noPhoto')}
          </figcaption>
        </figure>
        <figure className="sd-photo-placeholder">
          <div aria-hidden="true" className="sd-photo-box sd-photo-id" />
          <figcaption>
            {t('studentDetail.identity.idPhoto')}: {t('studentDetail.identity.noPhoto')}
          </figcaption>
        </figure>
      </div>
      <div className="table-wrap">
        <table className="sd-identity-table">
          <thead>
            <tr>
              <th scope="col">{t('studentDetail.identity.field')}</th>
              <th scope="col">{t('studentDetail.identity.roster')}</th>
              <th scope="col">{t('studentDetail.identity.extracted')}</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">{t('studentDetail.identity.fullName')}</th>
              <td>{fullName}</td>
              <td>{dash}</td>
            </tr>
            <tr>
              <th scope="row">{t('studentDetail.identity.iin')}</th>
              <td className="iin">{iin}</td>
              <td>{dash}</td>
            </tr>
          </tbody>
        </table>
      </div>
      <p>
        <strong>{t('studentDetail.identity.match')}:</strong> {t('studentDetail.identity.notVerified')}
      </p>
    </section>
  );
}
