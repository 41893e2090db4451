import { z } from 'zod';
import { SafeText } from '../../text/safe-text.ts';
import { IsoInstant } from '../../time/iso-instant.ts';
import { CareGrade, defaultCareThresholds, gradeCareForm } from '../care-form.ts';
import type { RecordKind } from '../record-kind.ts';

/** The default questionnaire's items (健康关爱表), each answered 0–3; a bureau may load its own (versioned). */
export const careFormItems = ['sleep', 'mood', 'anger', 'hopelessness', 'physicalTension', 'supportNetwork', 'selfHarmThoughts'] as const;

/**
 * 健康关爱表: the counsellor's screening of a visitor. Sensitive health data: only counsellors and their studio head
 * read it, every read is audited; other roles see at most "counsellor follow-up advised". The visitor's separate
 * consent (a guardian's under 14) comes first.
 */
export const CareFormPayload = z.object({
  visitorName: SafeText.trim().min(1, 'validation.required').max(50, 'validation.text.tooLong'),
  consent: z.enum(['visitor', 'guardian'], { message: 'careForm.consentRequired' }),
  filledAt: IsoInstant,
  questionnaireVersion: z.literal(1).default(1),
  answers: z.object(Object.fromEntries(careFormItems.map((item) => [item, z.number().int().min(0).max(3)])) as Record<(typeof careFormItems)[number], z.ZodNumber>),
  petitionIds: z.array(z.string().uuid('validation.invalid')).max(20).default([]),
  notes: SafeText.trim().max(5000, 'validation.text.tooLong').optional(),
});
export type CareFormPayload = z.output<typeof CareFormPayload>;

export const careFormKind = {
  kind: 'careForm',
  labels: { zh: '健康关爱表', en: 'Care form' },
  schema: CareFormPayload,
  fields: {
    visitorName: { zh: '来访人', en: 'Visitor' },
    consent: { zh: '单独同意', en: 'Separate consent' },
    filledAt: { zh: '填写时间', en: 'Filled at' },
    questionnaireVersion: { zh: '问卷版本', en: 'Questionnaire version' },
    answers: { zh: '问卷回答', en: 'Answers' },
    petitionIds: { zh: '关联信访事项', en: 'Linked petitions' },
    notes: { zh: '备注', en: 'Notes' },
  },
  form: [['visitorName', 'consent', 'filledAt'], ['answers'], ['petitionIds'], ['notes']],
  list: { columns: ['visitorName', 'filledAt'], filters: ['grade'] },
  access: { create: ['counsellor', 'studioHead'], read: ['counsellor', 'studioHead'], update: ['counsellor', 'studioHead'] },
  auditReads: true,
  occurredAt: (payload) => payload.filledAt,
  facets: (payload) => {
    const { score, grade } = gradeCareForm(payload.answers, defaultCareThresholds);
    return { score, grade: CareGrade.parse(grade) };
  },
} as const satisfies RecordKind<typeof CareFormPayload, { score: number; grade: CareGrade }>;
