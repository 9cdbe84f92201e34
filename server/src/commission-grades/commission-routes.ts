import { COMMISSION_ROLES, STREAMED } from '@adal/shared';
import type { AppContext } from '../app-context.js';
import { recordAudit } from '../audit/record-audit.js';
import type { Actor } from '../http/actor.js';
import { defineRoute } from '../http/define-route.js';
import { canSeeSitting } from '../sittings/sitting-access.js';
import { announceGrades } from './announce-grades.js';
import { loadCommissionRows } from './commission-rows.js';
import {
  findProtocol,
  loadCommissionSitting,
  loadPeople,
  protocolView,
  seatedAs,
  viewerOf,
} from './commission-sitting.js';
import { fixGrade } from './fix-grade.js';
import { loadProtocolData } from './protocol-data.js';
import { renderProtocolPdf } from './protocol-pdf.js';
import { scoreStudent as score } from './score-student.js';
import { setProtocol } from './set-protocol.js';

/**
 * Who works a commission's grading: its people, by their seat on the sitting's commission
 * (chair and members score; the chair fixes and announces; the chair or the technical secretary
 * enters the protocol). Admins read the grading and the protocol; the dean's office reads the
 * final grades on the grade sheet (sittingGrades), not the members' scores.
 */
export const COMMISSION_READERS = [...COMMISSION_ROLES, 'admin'] as const;

type Owns = { actor: Actor; params: { sittingId: string }; ctx: AppContext };
const ownsSitting = ({ actor, params, ctx }: Owns) => canSeeSitting(ctx.db, actor, params.sittingId);

export const commissionGrading = defineRoute('commissionGrading', {
  access: COMMISSION_READERS,
  owns: ownsSitting,
  async handle({ actor, params, ctx }) {
    const sitting = await loadCommissionSitting(ctx.db, params.sittingId);
    const [viewer, people, protocol] = await Promise.all([
      viewerOf(ctx.db, actor, params.sittingId),
      loadPeople(ctx.db, sitting.commissionId),
      findProtocol(ctx.db, params.sittingId),
    ]);
    const rows = await loadCommissionRows(ctx.db, params.sittingId, { userId: actor.id, viewer, people });
    return {
      sittingId: params.sittingId,
      viewer,
      commission: { name: sitting.commissionName, people },
      protocol: protocol ? protocolView(protocol) : null,
      rows,
    };
  },
});

export const scoreStudent = defineRoute('scoreStudent', {
  access: COMMISSION_ROLES,
  owns: seatedAs('chair', 'member'),
  handle: ({ actor, params, body, ctx }) => score(ctx, actor, params.sittingId, params.studentId, body),
});

export const setCommissionProtocol = defineRoute('setCommissionProtocol', {
  access: COMMISSION_ROLES,
  owns: seatedAs('chair', 'secretary'),
  handle: ({ actor, params, body, ctx }) => setProtocol(ctx, actor, params.sittingId, body),
});

export const fixCommissionGrade = defineRoute('fixCommissionGrade', {
  access: COMMISSION_ROLES,
  owns: seatedAs('chair'),
  handle: ({ actor, params, body, ctx }) => fixGrade(ctx, actor, params.sittingId, params.studentId, body),
});

export const announceCommissionGrades = defineRoute('announceCommissionGrades', {
  access: COMMISSION_ROLES,
  owns: seatedAs('chair'),
  handle: ({ actor, params, ctx }) => announceGrades(ctx, actor, params.sittingId),
});

/** `protocol-<number>-<discipline code>.pdf`, safe in any downloads folder. */
const fileName = (protocolNumber: string, code: string) =>
  `protocol-${protocolNumber}-${code}`
    .trim()
    .replace(/[\\/:*?"<>|\s]+/g, '_')
    .slice(0, 120) + '.pdf';

/** The protocol PDF, streamed; every download is audited (it carries every score and grade). */
export const commissionProtocolFile = defineRoute('commissionProtocolFile', {
  access: COMMISSION_READERS,
  owns: ownsSitting,
  async handle({ actor, params, query, ctx, res }) {
    const data = await loadProtocolData(ctx.db, params.sittingId);
    await recordAudit(ctx.db, {
      actorId: actor.id,
      action: 'commission.protocol_downloaded',
      subject: params.sittingId,
      details: { protocolNumber: data.protocolNumber, lang: query.lang },
    });
    const pdf = renderProtocolPdf(data, query.lang);
    res.status(200);
    res.attachment(fileName(data.protocolNumber, data.discipline.code));
    res.setHeader('cache-control', 'private, no-store');
    res.type('application/pdf');
    await new Promise<void>((resolve) => {
      pdf.on('error', (error) => {
        ctx.log.warn({ err: error, sittingId: params.sittingId }, 'protocol PDF cut short');
        res.destroy(error);
        resolve();
      });
      res.on('close', resolve);
      pdf.pipe(res);
    });
    return STREAMED;
  },
});
