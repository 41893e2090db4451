import { z } from 'zod';
import { SafeText } from '../../text/safe-text.ts';
import { CalendarDay } from '../../time/calendar-day.ts';
import { IsoInstant } from '../../time/iso-instant.ts';
import { CounsellingFormat, CounsellingOutcome, CounsellingStage, CounsellingSubject } from '../counselling.ts';
import type { RecordKind } from '../record-kind.ts';

/**
 * 心理疏导: one session, before, during or after a visit, individual or group, for a visitor or a staff member. Group
 * sessions and talks record topic and person-times, not names; staff counselling is confidential (the subject's name is
 * never stored: not even the staff member's own head sees who came).
 */
export const CounsellingSessionPayload = z
  .object({
    heldAt: IsoInstant,
    stage: CounsellingStage,
    format: CounsellingFormat,
    subject: CounsellingSubject,
    personCount: z.number().int().min(1).max(10_000),
    visitorName: SafeText.trim().max(50, 'validation.text.tooLong').optional(),
    topic: SafeText.trim().max(200, 'validation.text.tooLong').optional(),
    outcomes: z.array(CounsellingOutcome).max(3).default([]),
    followUpOn: CalendarDay.optional(),
    petitionIds: z.array(z.string().uuid('validation.invalid')).max(20).default([]),
    notes: SafeText.trim().max(5000, 'validation.text.tooLong').optional(),
  })
  .refine((session) => session.subject === 'visitor' || session.visitorName === undefined, { path: ['visitorName'], message: 'counselling.staffAnonymous' })
  .refine((session) => session.format === 'individual' || session.visitorName === undefined, { path: ['visitorName'], message: 'counselling.groupAnonymous' });
export type CounsellingSessionPayload = z.output<typeof CounsellingSessionPayload>;

export const counsellingSessionKind = {
  kind: 'counsellingSession',
  labels: { zh: '心理疏导', en: 'Counselling session' },
  schema: CounsellingSessionPayload,
  fields: {
    heldAt: { zh: '时间', en: 'Held at' },
    stage: { zh: '阶段', en: 'Stage' },
    format: { zh: '形式', en: 'Format' },
    subject: { zh: '对象', en: 'Subject' },
    personCount: { zh: '人次', en: 'Person-times' },
    visitorName: { zh: '来访人（个体）', en: 'Visitor (individual)' },
    topic: { zh: '主题（团体）', en: 'Topic (group)' },
    outcomes: { zh: '疏导成效', en: 'Outcomes' },
    followUpOn: { zh: '回访日期', en: 'Follow-up on' },
    petitionIds: { zh: '关联信访事项', en: 'Linked petitions' },
    notes: { zh: '记录', en: 'Notes' },
  },
  form: [['heldAt', 'stage'], ['format', 'subject', 'personCount'], ['visitorName', 'topic'], ['outcomes', 'followUpOn'], ['petitionIds'], ['notes']],
  list: { columns: ['heldAt', 'stage', 'format', 'subject', 'personCount'], filters: ['stage', 'format', 'subject'] },
  access: { create: ['counsellor', 'studioHead'], read: ['counsellor', 'studioHead'], update: ['counsellor', 'studioHead'] },
  auditReads: true,
  occurredAt: (payload) => payload.heldAt,
  facets: (payload) => ({
    stage: payload.stage,
    format: payload.format,
    subject: payload.subject,
    personCount: payload.personCount,
    calmed: payload.outcomes.includes('calmed'),
    joinedMediation: payload.outcomes.includes('joinedMediation'),
    divertedToLegal: payload.outcomes.includes('divertedToLegal'),
    followUpOn: payload.followUpOn ?? null,
  }),
} as const satisfies RecordKind<
  typeof CounsellingSessionPayload,
  {
    stage: string;
    format: string;
    subject: string;
    personCount: number;
    calmed: boolean;
    joinedMediation: boolean;
    divertedToLegal: boolean;
    followUpOn: string | null;
  }
>;
