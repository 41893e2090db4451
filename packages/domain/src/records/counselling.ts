import { z } from 'zod';
import type { BilingualMessage } from '../messages/messages.ts';
import { IsoInstant } from '../time/iso-instant.ts';

export const CounsellingStage = z.enum(['beforeVisit', 'duringVisit', 'afterVisit']);
export type CounsellingStage = z.infer<typeof CounsellingStage>;
export const counsellingStageLabels = {
  beforeVisit: { zh: '访前', en: 'Before the visit' },
  duringVisit: { zh: '访中', en: 'During the visit' },
  afterVisit: { zh: '访后', en: 'After the visit' },
} as const satisfies Record<CounsellingStage, BilingualMessage>;

export const CounsellingFormat = z.enum(['individual', 'group']);
export type CounsellingFormat = z.infer<typeof CounsellingFormat>;
export const counsellingFormatLabels = {
  individual: { zh: '个体', en: 'Individual' },
  group: { zh: '团体', en: 'Group' },
} as const satisfies Record<CounsellingFormat, BilingualMessage>;

export const CounsellingSubject = z.enum(['visitor', 'staff']);
export type CounsellingSubject = z.infer<typeof CounsellingSubject>;
export const counsellingSubjectLabels = {
  visitor: { zh: '来访群众', en: 'Visitor' },
  staff: { zh: '工作人员', en: 'Staff member' },
} as const satisfies Record<CounsellingSubject, BilingualMessage>;

export const CounsellingOutcome = z.enum(['calmed', 'joinedMediation', 'divertedToLegal']);
export type CounsellingOutcome = z.infer<typeof CounsellingOutcome>;
export const counsellingOutcomeLabels = {
  calmed: { zh: '情绪平复', en: 'Calmed' },
  joinedMediation: { zh: '参与调解', en: 'Joined mediation' },
  divertedToLegal: { zh: '引导至法律途径', en: 'Diverted to a legal channel' },
} as const satisfies Record<CounsellingOutcome, BilingualMessage>;

/** 心理疏导: one session; sensitive health data, counsellors only. */
export const CounsellingSession = z.object({
  id: z.string().uuid(),
  counsellorStaffId: z.string().uuid(),
  heldAt: IsoInstant,
  stage: CounsellingStage,
  format: CounsellingFormat,
  subject: CounsellingSubject,
  personCount: z.number().int().positive(),
  visitId: z.string().uuid().optional(),
  outcomes: z.array(CounsellingOutcome).default([]),
  notes: z.string().max(5000, 'validation.text.tooLong').optional(),
});
export type CounsellingSession = z.infer<typeof CounsellingSession>;
