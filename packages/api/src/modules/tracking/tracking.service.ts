import { timingSafeEqual } from 'node:crypto';
import { clockKindLabels } from '@xinfang/domain/clocks/clock-kind';
import { nationalPolicy } from '@xinfang/domain/clocks/clock-rules';
import { computeClocks, type ClockReading } from '@xinfang/domain/clocks/compute-clocks';
import { DomainError } from '@xinfang/domain/errors';
import {
  publicStepLabels,
  type PublicNotice,
  type PublicTimeline,
  type PublicTimelineStep,
} from '@xinfang/domain/kiosk/tracking';
import type { BilingualMessage } from '@xinfang/domain/messages';
import { petitionStatusPublicLabels } from '@xinfang/domain/petition';
import type { EvaluationRating } from '@xinfang/domain/records/evaluation';
import { shanghaiDay } from '@xinfang/domain/time/calendar-day';
import { applyAction, availableActions } from '@xinfang/domain/workflow/apply-action';
import type { PetitionCommandInput } from '@xinfang/domain/workflow/petition-command';
import type { PetitionEvent } from '@xinfang/domain/workflow/petition-event';
import type { PetitionState } from '@xinfang/domain/workflow/petition-state';
import { minutesOf, secondsUntil, trackingCodeBudget } from '@xinfang/domain/security/attempt-limits';
import { findParentUnit, type UnitTree } from '@xinfang/domain/units/unit-tree';
import { appendAudit } from '@xinfang/db/repositories/audit';
import { appendEventsWithProjection, type StoredEventRow } from '@xinfang/db/repositories/petition-events';
import { clearAttemptCounters, countAttempts, refundAttempt } from '@xinfang/db/repositories/attempt-counters';
import { findPetitionForTracking, findUnitNames } from '@xinfang/db/repositories/tracking';
import { listUnits } from '@xinfang/db/repositories/units';
import { hashPersonalData } from '@xinfang/security/personal-data';
import type { ApiContext } from '../../context.ts';
import { countCallerAttempt } from '../auth/attempt-limits.ts';
import { loadWorkCalendar } from '../calendar/calendar.service.ts';
import { loadPetition, projectionOf, unitTreeOf } from '../petitions/workflow.service.ts';

/** The petitioner as an actor: no staff id, no unit. */
const petitionerActor = { staffId: null, role: 'petitioner', unitId: null } as const;

interface VerifiedLookup {
  trackingCode: string;
  mobileLast4: string;
  /** The full mobile number, normalised: needed once strangers have used up the code's last-4 budget. */
  mobile?: string | undefined;
}

type TrackedPetition = NonNullable<Awaited<ReturnType<typeof findPetitionForTracking>>>;

function sameHash(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * Checks the pair (tracking code, last 4 digits, or the full mobile number) within the limits (docs/SECURITY.md,
 * "Limits and lockouts"). Every call counts against its terminal and address first. Then the guess counts against the
 * code's budget before it is checked, so concurrent guesses cannot slip past: 10 wrong last-4 guesses in 30 days and
 * the last 4 digits no longer open the code, the full mobile number does (20 wrong ones a day pause it). A right guess
 * gives its count back; the full number also restores the last-4 budget. A wrong pair and an unknown code get the same
 * neutral answer and count alike, so no answer tells whether a code exists.
 */
async function verifyPair(ctx: ApiContext, input: VerifiedLookup): Promise<TrackedPetition> {
  const now = ctx.now();
  await countCallerAttempt(ctx, 'tracking', now);
  const last4Key = `tracking:last4:${input.trackingCode}`;
  const mobileKey = `tracking:mobile:${input.trackingCode}`;
  const byMobile = input.mobile !== undefined;
  const key = byMobile ? mobileKey : last4Key;
  const [counted] = await countAttempts(ctx.db, [{ key, ...(byMobile ? trackingCodeBudget.fullMobile : trackingCodeBudget.last4) }], now);
  if (counted!.refused) {
    if (!byMobile) throw new DomainError('tracking.fullMobileRequired', 'forbidden');
    const seconds = secondsUntil(counted!.windowEndsAt, now);
    throw new DomainError('tracking.locked', 'tooManyRequests', { params: { minutes: minutesOf(seconds) }, retryAfterSeconds: seconds });
  }
  const petition = await findPetitionForTracking(ctx.db, input.trackingCode);
  const stored = byMobile ? petition?.mobile_hash : petition?.mobile_last4_hash;
  const offered = byMobile ? hashPersonalData(ctx.keys, input.mobile!, 'mobile') : hashPersonalData(ctx.keys, input.mobileLast4, 'mobileLast4');
  if (petition && stored && sameHash(stored, offered)) {
    if (byMobile) await clearAttemptCounters(ctx.db, [last4Key, mobileKey]);
    else await refundAttempt(ctx.db, last4Key, now);
    return petition;
  }
  throw new DomainError('tracking.notFound', 'notFound');
}

function payloadText(payload: unknown, key: string): string | undefined {
  if (typeof payload !== 'object' || payload === null || !(key in payload)) return undefined;
  const value = (payload as Record<string, unknown>)[key];
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined;
}

function stepDetail(row: StoredEventRow): BilingualMessage | null {
  if (row.type === 'extensionApproved') {
    const days = payloadText(row.payload, 'days') ?? '';
    return { zh: `延长 ${days} 日`, en: `Extended by ${days} days` };
  }
  return null;
}

const noticeTitles: Record<string, { title: BilingualMessage; fields: readonly string[] }> = {
  diverted: { title: { zh: '引导告知', en: 'Notice of the statutory channel' }, fields: ['noticeText'] },
  receiptAcknowledged: { title: { zh: '受理告知书', en: 'Notice of acceptance' }, fields: ['noticeText'] },
  notAccepted: { title: { zh: '不予受理告知书', en: 'Notice of non-acceptance' }, fields: ['noticeText'] },
  replied: { title: { zh: '处理意见书', en: 'Written reply' }, fields: ['facts', 'legalBasis'] },
  reviewAnswered: { title: { zh: '复查意见书', en: 'Review decision' }, fields: ['text'] },
  recheckAnswered: { title: { zh: '复核意见书', en: 'Recheck decision' }, fields: ['text'] },
};

/** Clocks the petitioner may rely on; units' internal objection windows are left out. */
const publicClocks = new Set<ClockReading['kind']>(['route', 'receiptNotice', 'conclude', 'requestReview', 'answerReview', 'requestRecheck', 'answerRecheck', 'judicialConfirmation']);

function reviewReading(readings: readonly ClockReading[]): ClockReading | undefined {
  return readings.find((reading) => reading.kind === 'requestReview');
}

function reviewWindowOpen(readings: readonly ClockReading[], now: Date): boolean {
  const reading = reviewReading(readings);
  // before the reply's delivery is recorded the window has not started running, so it cannot have closed
  return reading === undefined || reading.statutory.date >= shanghaiDay(now.toISOString());
}

interface Replayed {
  events: PetitionEvent[];
  state: PetitionState;
  stored: StoredEventRow[];
  readings: ClockReading[];
}

/**
 * The petition's log replayed the same way staff see it (older registration events rebuilt from the row), with the
 * statutory clocks on the bureau's working calendar, administrator overrides included.
 */
async function replayPetition(ctx: ApiContext, petitionId: string, now: Date): Promise<Replayed> {
  const loaded = await loadPetition(ctx.db, petitionId);
  const calendar = await loadWorkCalendar(ctx.db);
  const readings = computeClocks(loaded.events, nationalPolicy, calendar, now.toISOString());
  return { events: loaded.events, state: loaded.state, stored: loaded.stored, readings };
}

async function buildTimeline(ctx: ApiContext, petition: TrackedPetition): Promise<PublicTimeline> {
  const now = ctx.now();
  const replayed = await replayPetition(ctx, petition.id, now);
  const rows = replayed.stored;
  const status = replayed.state.status;
  const steps: PublicTimelineStep[] = rows.flatMap((row) => {
    const label = publicStepLabels[row.type as keyof typeof publicStepLabels];
    return label ? [{ type: row.type, label, occurredAt: new Date(row.occurred_at).toISOString(), detail: stepDetail(row) }] : [];
  });
  const notices: PublicNotice[] = rows.flatMap((row) => {
    const notice = noticeTitles[row.type];
    if (!notice) return [];
    const text = notice.fields
      .map((field) => payloadText(row.payload, field))
      .filter((part): part is string => Boolean(part))
      .join('\n\n');
    return text ? [{ kind: row.type, title: notice.title, issuedAt: new Date(row.occurred_at).toISOString(), text }] : [];
  });
  let handlingUnit: BilingualMessage | null = petition.handling_unit_zh ? { zh: petition.handling_unit_zh, en: petition.handling_unit_en ?? petition.handling_unit_zh } : null;
  const routedUnitId = replayed.state.routedTo?.unitId;
  if (routedUnitId) {
    const unit = await findUnitNames(ctx.db, routedUnitId);
    if (unit) handlingUnit = { zh: unit.name_zh, en: unit.name_en };
  }
  const readings = replayed.readings;
  const actions = availableActions(replayed.state, petitionerActor);
  return {
    trackingCode: petition.tracking_code,
    status,
    statusLabel: petitionStatusPublicLabels[status],
    receivedAt: new Date(petition.received_at).toISOString(),
    handlingUnit,
    steps,
    dueDates: readings
      .filter((reading) => publicClocks.has(reading.kind) && (reading.state !== 'stopped' || reading.party === 'petitioner'))
      .filter((reading) => reading.state !== 'stopped')
      .map((reading) => ({
        kind: reading.kind,
        label: clockKindLabels[reading.kind],
        party: reading.party,
        dueOn: reading.statutory.date,
        state: reading.state,
        explanation: reading.statutory.explanation,
        uncertain: reading.statutory.uncertain,
      })),
    notices,
    evaluation: replayed.state.evaluation ?? null,
    canRate: actions.includes('recordEvaluation'),
    canRequestReview: actions.includes('requestReview') && reviewWindowOpen(readings, now),
    reviewWindowEndsOn: actions.includes('requestReview') ? (reviewReading(readings)?.statutory.date ?? null) : null,
  };
}

/** The public timeline of one's own matter, behind the tracking code + last 4 digits. */
export async function lookUpTimeline(ctx: ApiContext, input: VerifiedLookup): Promise<PublicTimeline> {
  const petition = await verifyPair(ctx, input);
  return buildTimeline(ctx, petition);
}

/**
 * Applies a petitioner's command through the domain workflow and, in one transaction, appends its events and moves the
 * petitions projection (status, clocks, due date, light) exactly as a staff step does.
 */
async function actAsPetitioner(ctx: ApiContext, petition: TrackedPetition, toCommand: (replayed: Replayed, tree: UnitTree) => PetitionCommandInput, auditAction: string) {
  const now = ctx.now();
  const replayed = await replayPetition(ctx, petition.id, now);
  const units = await listUnits(ctx.db);
  const tree = unitTreeOf(units);
  const command = toCommand(replayed, tree);
  const result = applyAction(replayed.state, command, petitionerActor, now.toISOString(), { unitTree: tree });
  const calendar = await loadWorkCalendar(ctx.db);
  const projection = projectionOf(result.state, [...replayed.events, ...result.events], calendar, units, now);
  await ctx.db.transaction().execute(async (tx) => {
    const written = await appendEventsWithProjection(
      tx,
      petition.id,
      replayed.state.version,
      result.events.map((event) => ({ type: event.type, actorId: null, actorRole: 'petitioner', actorUnitId: null, occurredAt: now, payload: event.payload })),
      projection,
      now,
    );
    if (!written) throw new DomainError('request.duplicate', 'conflict');
    await appendAudit(tx, { occurredAt: now, actorId: null, actorRole: 'petitioner', action: auditAction, targetType: 'petition', targetId: petition.id, ip: ctx.clientIp });
  });
}

/** The petitioner's rating of the reply (满意 / 基本满意 / 不满意), with an optional comment. */
export async function rateReply(ctx: ApiContext, input: VerifiedLookup & { rating: EvaluationRating; comment: string }): Promise<PublicTimeline> {
  const petition = await verifyPair(ctx, input);
  await actAsPetitioner(ctx, petition, () => ({ action: 'recordEvaluation', rating: input.rating, comment: input.comment || undefined }), 'tracking.rate');
  return buildTimeline(ctx, petition);
}

/** A review request (申请复查) to the unit one level above the replying unit, inside the 30-day window (Art. 35). */
export async function requestReview(ctx: ApiContext, input: VerifiedLookup & { reason: string }): Promise<PublicTimeline> {
  const petition = await verifyPair(ctx, input);
  await actAsPetitioner(
    ctx,
    petition,
    (replayed, tree) => {
      if (!availableActions(replayed.state, petitionerActor).includes('requestReview')) throw new DomainError('tracking.reviewNotAvailable', 'invalid');
      if (!reviewWindowOpen(replayed.readings, ctx.now())) throw new DomainError('tracking.reviewWindowClosed', 'invalid');
      const replyingUnitId = replayed.state.replyingUnitId;
      const reviewingUnitId = replyingUnitId ? findParentUnit(tree, replyingUnitId) : undefined;
      if (!reviewingUnitId) throw new DomainError('tracking.reviewNotAvailable', 'invalid');
      return { action: 'requestReview', reviewingUnitId, reason: input.reason };
    },
    'tracking.requestReview',
  );
  return buildTimeline(ctx, petition);
}
