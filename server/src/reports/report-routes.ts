import { type SessionReport, STREAMED } from '@adal/shared';
import { recordAudit } from '../audit/record-audit.js';
import { defineRoute } from '../http/define-route.js';
import { WATCHERS } from '../media/watchers.js';
import { canSeeSitting } from '../sittings/sitting-access.js';
import { buildSessionReport } from './build-report.js';
import { reportCsv } from './report-csv.js';
import { renderReportPdf } from './report-pdf.js';

/** `report-<discipline code>-<IIN>.<ext>`, safe in any downloads folder. */
export function reportFileName(report: SessionReport, ext: 'csv' | 'pdf'): string {
  const code = report.sitting.discipline.code.trim().replace(/[\\/:*?"<>|\s]+/g, '_');
  return `report-${code}-${report.student.iin}.${ext}`;
}

/** The evidence of one student's sitting, for its proctors, commission and admins (seeds 000/001). */
export const sessionReport = defineRoute('sessionReport', {
  access: WATCHERS,
  owns: ({ actor, params, ctx }) => canSeeSitting(ctx.db, actor, params.sittingId),
  async handle({ params, ctx }) {
    return buildSessionReport(ctx, params.sittingId, params.studentId);
  },
});

/** The same report as a file: CSV (one row per Chat&log entry) or PDF. Every download is audited. */
export const sessionReportFile = defineRoute('sessionReportFile', {
  access: WATCHERS,
  owns: ({ actor, params, ctx }) => canSeeSitting(ctx.db, actor, params.sittingId),
  async handle({ actor, params, query, ctx, req, res }) {
    const report = await buildSessionReport(ctx, params.sittingId, params.studentId);
    // A report carries personal data and images' whereabouts: who took one is itself recorded.
    await recordAudit(ctx.db, {
      actorId: actor.id,
      action: 'report.downloaded',
      subject: params.sittingId,
      details: {
        studentId: params.studentId,
        format: query.format,
        logEntries: report.log.entries,
        logIntact: report.log.ok,
      },
    });
    res.status(200);
    res.attachment(reportFileName(report, query.format));
    res.setHeader('cache-control', 'private, no-store');
    if (query.format === 'csv') {
      res.type('text/csv; charset=utf-8');
      res.send(reportCsv(report));
      return STREAMED;
    }
    const pdf = renderReportPdf(report, {
      timeZone: ctx.config.universityTimeZone,
      origin: `${req.protocol}://${req.get('host') ?? 'localhost'}`,
    });
    res.type('application/pdf');
    await new Promise<void>((resolve) => {
      pdf.on('error', (error) => {
        ctx.log.warn({ err: error, sittingId: params.sittingId }, 'report PDF cut short');
        res.destroy(error);
        resolve();
      });
      res.on('close', resolve);
      pdf.pipe(res);
    });
    return STREAMED;
  },
});
