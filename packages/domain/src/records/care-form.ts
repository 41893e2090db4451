import { z } from 'zod';
import type { BilingualMessage } from '../messages/messages.ts';
import { IsoInstant } from '../time/iso-instant.ts';

/** 健康关爱表 grades. Sensitive health data: counsellors only (see permissions/can.ts). */
export const CareGrade = z.enum(['stable', 'attention', 'highRisk']);
export type CareGrade = z.infer<typeof CareGrade>;

export const careGradeLabels = {
  stable: { zh: '情绪稳定', en: 'Stable' },
  attention: { zh: '需要关注', en: 'Needs attention' },
  highRisk: { zh: '高风险', en: 'High risk' },
} as const satisfies Record<CareGrade, BilingualMessage>;

/** Score thresholds: configuration, not law. */
export const CareThresholds = z.object({ attentionFrom: z.number().int().nonnegative(), highRiskFrom: z.number().int().positive() });
export type CareThresholds = z.infer<typeof CareThresholds>;
export const defaultCareThresholds: CareThresholds = { attentionFrom: 10, highRiskFrom: 20 };

/** The counsellor's screening questionnaire: each answer scores 0–3. */
export const CareForm = z.object({
  id: z.string().uuid(),
  visitId: z.string().uuid(),
  counsellorStaffId: z.string().uuid(),
  filledAt: IsoInstant,
  answers: z.record(z.string(), z.number().int().min(0).max(3)),
  notes: z.string().max(5000, 'validation.text.tooLong').optional(),
});
export type CareForm = z.infer<typeof CareForm>;

/**
 * The score and grade of a care form's answers.
 * @example gradeCareForm({ q1: 3, q2: 3, q3: 2, q4: 2 }) // { score: 10, grade: 'attention' }
 */
export function gradeCareForm(answers: Readonly<Record<string, number>>, thresholds: CareThresholds = defaultCareThresholds): { score: number; grade: CareGrade } {
  const score = Object.values(answers).reduce((sum, value) => sum + value, 0);
  const grade = score >= thresholds.highRiskFrom ? 'highRisk' : score >= thresholds.attentionFrom ? 'attention' : 'stable';
  return { score, grade };
}

/**
 * What a handler may see of a care form: only whether a counsellor's follow-up is advised.
 * @example isFollowUpAdvised('attention') // true
 */
export function isFollowUpAdvised(grade: CareGrade): boolean {
  return grade !== 'stable';
}
