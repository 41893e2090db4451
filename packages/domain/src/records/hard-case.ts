import { z } from 'zod';
import type { BilingualMessage } from '../messages/messages.ts';
import { CalendarDay } from '../time/calendar-day.ts';

/** 疑难积案 kinds. */
export const HardCaseKind = z.enum(['nail', 'bone', 'thorn', 'headless']);
export type HardCaseKind = z.infer<typeof HardCaseKind>;

export const hardCaseKindLabels = {
  nail: { zh: '钉子案（重复信访、久拖不决）', en: 'Nail case (repeat petitions that will not settle)' },
  bone: { zh: '骨头案（需提交市级案审）', en: 'Bone case (needs the city’s case review)' },
  thorn: { zh: '荆棘案（系统交办、限期办理）', en: 'Thorn case (system-assigned with a deadline)' },
  headless: { zh: '无头案（无责任主体，救助化解）', en: 'Headless case (no responsible party; relief)' },
} as const satisfies Record<HardCaseKind, BilingualMessage>;

/** 领导包案: one owner leader, one task force, one plan per case. */
export const HardCase = z.object({
  id: z.string().uuid(),
  petitionIds: z.array(z.string().uuid()).min(1),
  kind: HardCaseKind,
  listedOn: CalendarDay,
  ownerLeaderStaffId: z.string().uuid(),
  taskForceStaffIds: z.array(z.string().uuid()).default([]),
  plan: z.string().trim().min(1, 'validation.required').max(20000, 'validation.text.tooLong'),
  milestones: z.array(z.object({ dueOn: CalendarDay, text: z.string().min(1), doneOn: CalendarDay.optional() })).default([]),
  dueOn: CalendarDay.optional(),
  resolvedOn: CalendarDay.optional(),
});
export type HardCase = z.infer<typeof HardCase>;
