import { z } from 'zod';
import { EvaluationRating } from '../records/evaluation.ts';

/** An event of a petition's log as stored: enough to read what the visitor said in it. */
export interface LoggedEvent {
  readonly type: string;
  readonly occurredAt: string;
  readonly actorRole: string | null;
  readonly payload: unknown;
}

const Rated = z.object({ rating: EvaluationRating, comment: z.string().optional() });
const ReviewAsked = z.object({ reviewingUnitId: z.string(), reason: z.string() });
const RecheckAsked = z.object({ recheckingUnitId: z.string(), reason: z.string() });

/** The latest rating of the handling and its comment. */
export interface EvaluationStatement {
  rating: EvaluationRating;
  comment: string | null;
  recordedAt: string;
  byPetitioner: boolean;
}

/** A review (复查) or recheck (复核) request and the reason given for it. */
export interface AppealRequestStatement {
  kind: 'review' | 'recheck';
  reason: string;
  requestedAt: string;
  unitId: string;
  byPetitioner: boolean;
}

/**
 * The latest rating recorded in a log (a rating may be recorded by staff after a phone call, or by the visitor).
 * @example evaluationOf(events)?.rating // 'dissatisfied'
 */
export function evaluationOf(events: readonly LoggedEvent[]): EvaluationStatement | undefined {
  for (const event of [...events].reverse()) {
    if (event.type !== 'evaluationRecorded') continue;
    const payload = Rated.safeParse(event.payload);
    if (!payload.success) continue;
    return { rating: payload.data.rating, comment: payload.data.comment?.trim() || null, recordedAt: event.occurredAt, byPetitioner: event.actorRole === 'petitioner' };
  }
  return undefined;
}

/**
 * Every review and recheck request of a log with its reason, oldest first: what a reviewer must answer.
 * @example appealRequestsOf(events).map((request) => request.reason) // ['认为物业责任未落实，申请复查']
 */
export function appealRequestsOf(events: readonly LoggedEvent[]): AppealRequestStatement[] {
  const requests: AppealRequestStatement[] = [];
  for (const event of events) {
    const byPetitioner = event.actorRole === 'petitioner';
    if (event.type === 'reviewRequested') {
      const payload = ReviewAsked.safeParse(event.payload);
      if (payload.success) requests.push({ kind: 'review', reason: payload.data.reason, requestedAt: event.occurredAt, unitId: payload.data.reviewingUnitId, byPetitioner });
    } else if (event.type === 'recheckRequested') {
      const payload = RecheckAsked.safeParse(event.payload);
      if (payload.success) requests.push({ kind: 'recheck', reason: payload.data.reason, requestedAt: event.occurredAt, unitId: payload.data.recheckingUnitId, byPetitioner });
    }
  }
  return requests;
}
