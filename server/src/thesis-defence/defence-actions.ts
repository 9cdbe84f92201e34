import type { DefenceActionBody, DefenceScheduleView, DefenceStage, SystemAction } from '@adal/shared';
import { and, eq, isNull } from 'drizzle-orm';
import type { AppContext } from '../app-context.js';
import { recordAudit } from '../audit/record-audit.js';
import type { Tx } from '../db/database.js';
import type { Actor } from '../http/actor.js';
import { HttpError } from '../http/http-error.js';
import { announceEntry, appendEntry } from '../violations/append-entry.js';
import { type LoadedDefence, loadDefence, lockDefence, scheduleView, slotOf } from './defence-state.js';
import { defenceInterruptions, defenceTurns } from './schema.js';

type Action = DefenceActionBody['action'];
type BodyOf<A extends Action> = Extract<DefenceActionBody, { action: A }>;

interface Step<A extends Action> {
  tx: Tx;
  actor: Actor;
  sittingId: string;
  studentId: string;
  body: BodyOf<A>;
  loaded: LoadedDefence;
  stage: DefenceStage;
  now: Date;
}

/** What a done action leaves in the student's Chat&log. */
interface Logged {
  type: SystemAction;
  reason?: string;
}

const RUNNING: readonly DefenceStage[] = ['talk', 'questions', 'interrupted'];

/** Why an action does not fit the defence's stage, in words the secretary can act on. */
function wrongStage(stage: DefenceStage): HttpError {
  const why: Record<DefenceStage, string> = {
    waiting: 'This student’s defence has not started yet.',
    talk: 'The student is still giving the talk.',
    questions: 'The talk is over: the commission is asking questions.',
    interrupted: 'The defence is interrupted: record the commission’s decision (resume or stop) first.',
    defended: 'This student’s defence is over (defended).',
    stopped: 'This student’s defence is over (stopped by the commission).',
  };
  return new HttpError('conflict', why[stage]);
}

const requireStage = (stage: DefenceStage, allowed: readonly DefenceStage[]) => {
  if (!allowed.includes(stage)) throw wrongStage(stage);
};

const turnOf = (sittingId: string, studentId: string) =>
  and(eq(defenceTurns.sittingId, sittingId), eq(defenceTurns.studentId, studentId));
const openInterruptionOf = (sittingId: string, studentId: string) =>
  and(
    eq(defenceInterruptions.sittingId, sittingId),
    eq(defenceInterruptions.studentId, studentId),
    isNull(defenceInterruptions.decidedAt),
  );

/** One handler per action; the map's type makes a new action in the contract fail typecheck here. */
const ACTIONS: { [A in Action]: (step: Step<A>) => Promise<Logged> } = {
  async start({ tx, actor, sittingId, studentId, loaded, stage, now }) {
    requireStage(stage, ['waiting']);
    const student = slotOf(loaded, studentId);
    if (!student.admitted)
      throw new HttpError(
        'conflict',
        `${student.fullName} is not admitted (access is red): admit them before their defence starts.`,
      );
    if (loaded.current) {
      const defending = slotOf(loaded, loaded.current);
      throw new HttpError(
        'conflict',
        `${defending.fullName} is defending now: finish or stop that defence before starting another.`,
      );
    }
    await tx.insert(defenceTurns).values({ sittingId, studentId, startedAt: now, startedBy: actor.id });
    return { type: 'defence_started' };
  },
  async end_talk({ tx, sittingId, studentId, stage, now }) {
    requireStage(stage, ['talk']);
    await tx.update(defenceTurns).set({ talkEndedAt: now }).where(turnOf(sittingId, studentId));
    return { type: 'defence_talk_ended' };
  },
  async finish({ tx, actor, sittingId, studentId, stage, now }) {
    requireStage(stage, ['talk', 'questions']);
    await tx
      .update(defenceTurns)
      .set({ finishedAt: now, outcome: 'defended', finishedBy: actor.id })
      .where(turnOf(sittingId, studentId));
    return { type: 'defence_finished' };
  },
  async interrupt({ tx, actor, sittingId, studentId, body, stage, now }) {
    requireStage(stage, ['talk', 'questions']);
    await tx.insert(defenceInterruptions).values({
      sittingId,
      studentId,
      interruptedAt: now,
      interruptedBy: actor.id,
      reason: body.reason,
    });
    return { type: 'defence_interrupted', reason: body.reason };
  },
  async resume({ tx, actor, sittingId, studentId, stage, now }) {
    requireStage(stage, ['interrupted']);
    await tx
      .update(defenceInterruptions)
      .set({ decidedAt: now, decision: 'resume', decidedBy: actor.id })
      .where(openInterruptionOf(sittingId, studentId));
    return { type: 'defence_resumed' };
  },
  async stop({ tx, actor, sittingId, studentId, body, stage, now }) {
    requireStage(stage, RUNNING);
    // Stopped while interrupted: that is the commission's decision on the interruption.
    await tx
      .update(defenceInterruptions)
      .set({ decidedAt: now, decision: 'stop', decidedBy: actor.id })
      .where(openInterruptionOf(sittingId, studentId));
    await tx
      .update(defenceTurns)
      .set({ finishedAt: now, outcome: 'stopped', finishedBy: actor.id })
      .where(turnOf(sittingId, studentId));
    return { type: 'defence_stopped', reason: body.reason };
  },
};

/**
 * The secretary (or the chair) records a step of one student's defence. One sitting's steps are
 * serialised; each goes into the student's Chat&log and the audit log, then to everyone watching.
 */
export async function runDefenceAction(
  ctx: AppContext,
  actor: Actor,
  sittingId: string,
  studentId: string,
  body: DefenceActionBody,
): Promise<DefenceScheduleView> {
  const done = await ctx.db.transaction(async (tx) => {
    await lockDefence(tx, sittingId);
    const now = new Date();
    const loaded = await loadDefence(tx, sittingId, now);
    const { stage } = slotOf(loaded, studentId);
    const step = { tx, actor, sittingId, studentId, loaded, stage, now };
    const handler = ACTIONS[body.action] as (step: Step<Action>) => Promise<Logged>;
    const logged = await handler({ ...step, body });
    const entry = await appendEntry(tx, {
      sittingId,
      studentId,
      source: 'system',
      type: logged.type,
      severity: 'info',
      text: logged.reason ?? '',
      evidence: { byName: actor.fullName, ...(logged.reason ? { reason: logged.reason } : {}) },
      at: now,
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: `defence.${body.action}`,
      subject: sittingId,
      details: { studentId, ...(logged.reason ? { reason: logged.reason } : {}) },
    });
    return { entry, students: loaded.list.map((s) => s.studentId) };
  });
  announceEntry(ctx, done.entry);
  ctx.live.defenceChanged({ sittingId, studentIds: done.students });
  return scheduleView(await loadDefence(ctx.db, sittingId), true);
}
