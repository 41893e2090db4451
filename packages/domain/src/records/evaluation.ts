import { z } from 'zod';
import type { BilingualMessage } from '../messages/messages.ts';

/** 满意度评价: the petitioner's rating of a reply (the default three-step scale). */
export const EvaluationRating = z.enum(['satisfied', 'basicallySatisfied', 'dissatisfied']);
export type EvaluationRating = z.infer<typeof EvaluationRating>;

export const evaluationRatingLabels = {
  satisfied: { zh: '满意', en: 'Satisfied' },
  basicallySatisfied: { zh: '基本满意', en: 'Basically satisfied' },
  dissatisfied: { zh: '不满意', en: 'Dissatisfied' },
} as const satisfies Record<EvaluationRating, BilingualMessage>;

/**
 * Whether a rating counts towards the satisfaction rate (满意 + 基本满意).
 * @example countsAsSatisfied('basicallySatisfied') // true
 */
export function countsAsSatisfied(rating: EvaluationRating): boolean {
  return rating !== 'dissatisfied';
}
