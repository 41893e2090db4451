import { ActionOutcome, ActionTarget, PetitionDetail } from '@xinfang/domain/casework/petition-detail';
import { QueueCounts, QueueKey, QueuePage, QueueQuery } from '@xinfang/domain/casework/queues';
import { RegisterMatterInput, RegisterMatterResult, RepeatCandidate, RepeatCandidatesQuery } from '@xinfang/domain/casework/registration';
import { PetitionListPage, PetitionListQuery } from '@xinfang/domain/petition';
import { commandPayloads, type PetitionCommandInput } from '@xinfang/domain/workflow/petition-command';
import type { PetitionAction } from '@xinfang/domain/workflow/petition-action';
import { listPetitions } from '@xinfang/db/repositories/petitions';
import { z } from 'zod';
import { router, staffProcedure } from '../../trpc.ts';
import { exportQueue } from './export.service.ts';
import { getPetitionDetail, getQueueCounts, getQueuePage, queuesForRole } from './queries.service.ts';
import { findRepeatCandidates, registerMatter } from './registration.service.ts';
import { filerNameFor, performAction, readerScopeOf } from './workflow.service.ts';

/**
 * One procedure per workflow step: the step's command fields plus the petition and the version the user saw.
 * Role, status, unit and legal guards are the domain's (`applyAction`); jurisdiction is `checkAccess`.
 */
function step<A extends PetitionAction>(action: A) {
  const payload = commandPayloads[action] as unknown as z.ZodObject<z.ZodRawShape>;
  return staffProcedure('petition.act')
    .input(payload.extend(ActionTarget.shape) as unknown as z.ZodType<z.input<(typeof commandPayloads)[A]> & ActionTarget>)
    .output(ActionOutcome)
    .mutation(({ ctx, input }) => {
      const { petitionId, expectedVersion, ...fields } = input;
      return performAction(ctx, petitionId, expectedVersion, { ...fields, action } as PetitionCommandInput);
    });
}

export const petitionsRouter = router({
  /** A keyset page of the petitions in the reader's jurisdiction, newest first. */
  list: staffProcedure('petition.list')
    .input(PetitionListQuery)
    .output(PetitionListPage)
    .query(async ({ ctx, input }) => {
      const reader = await readerScopeOf(ctx);
      const page = await listPetitions(ctx.db, { reader, statuses: input.statuses, limit: input.limit, after: input.after });
      const items = page.items.map((item) => ({ ...item, petitionerName: filerNameFor(ctx.actor, item.petitionClass, item.petitionerName) }));
      const last = items.at(-1);
      return { items, total: page.total, nextCursor: items.length === input.limit && last ? { receivedAt: last.receivedAt, id: last.id } : null };
    }),
  /** A work queue page, earliest due date first, with filters. */
  queue: staffProcedure('petition.list').input(QueueQuery).output(QueuePage).query(({ ctx, input }) => getQueuePage(ctx, input)),
  /** How many petitions each queue holds for the reader. */
  queueCounts: staffProcedure('petition.list').input(QueueQuery).output(QueueCounts).query(({ ctx, input }) => getQueueCounts(ctx, input)),
  /** The queues of the reader's role, in menu order. */
  myQueues: staffProcedure('petition.list')
    .input(z.void())
    .output(z.array(QueueKey))
    .query(({ ctx }) => queuesForRole(ctx.actor.role)),
  /** A queue as an Excel workbook (base64). */
  exportQueue: staffProcedure('petition.export')
    .input(QueueQuery)
    .output(z.object({ fileName: z.string(), base64: z.string(), rows: z.number().int() }))
    .mutation(({ ctx, input }) => exportQueue(ctx, input)),
  /** The case detail. */
  get: staffProcedure('petition.view').input(z.object({ id: z.string().uuid() })).output(PetitionDetail).query(({ ctx, input }) => getPetitionDetail(ctx, input.id)),
  /** Registers a walk-in visit, a letter or a phone call. */
  register: staffProcedure('petition.register').input(RegisterMatterInput).output(RegisterMatterResult).mutation(({ ctx, input }) => registerMatter(ctx, input)),
  /** Earlier matters of the persons being registered, to show side by side before saving. */
  repeatCandidates: staffProcedure('petition.register')
    .input(RepeatCandidatesQuery)
    .output(z.array(RepeatCandidate))
    .query(({ ctx, input }) => findRepeatCandidates(ctx, input)),
  triage: step('triage'),
  divert: step('divert'),
  recordDiversionOutcome: step('recordDiversionOutcome'),
  startMediation: step('startMediation'),
  concludeMediation: step('concludeMediation'),
  recordJudicialConfirmation: step('recordJudicialConfirmation'),
  route: step('route'),
  acknowledgeReceipt: step('acknowledgeReceipt'),
  object: step('object'),
  recuse: step('recuse'),
  startHandling: step('startHandling'),
  requestExtension: step('requestExtension'),
  approveExtension: step('approveExtension'),
  pauseClock: step('pauseClock'),
  resumeClock: step('resumeClock'),
  reply: step('reply'),
  recordDelivery: step('recordDelivery'),
  correctDelivery: step('correctDelivery'),
  recordEvaluation: step('recordEvaluation'),
  requestReview: step('requestReview'),
  answerReview: step('answerReview'),
  requestRecheck: step('requestRecheck'),
  answerRecheck: step('answerRecheck'),
  close: step('close'),
  notAccept: step('notAccept'),
  withdraw: step('withdraw'),
  merge: step('merge'),
});
