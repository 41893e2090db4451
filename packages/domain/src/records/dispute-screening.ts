import { z } from 'zod';
import type { BilingualMessage } from '../messages/messages.ts';
import { CalendarDay } from '../time/calendar-day.ts';

export const ScreeningLevel = z.enum(['district', 'street', 'community']);
export type ScreeningLevel = z.infer<typeof ScreeningLevel>;
export const screeningLevelLabels = {
  district: { zh: '区级', en: 'District' },
  street: { zh: '街道级', en: 'Street' },
  community: { zh: '社区级', en: 'Community' },
} as const satisfies Record<ScreeningLevel, BilingualMessage>;

export const RiskLevel = z.enum(['low', 'medium', 'high']);
export type RiskLevel = z.infer<typeof RiskLevel>;
export const riskLevelLabels = {
  low: { zh: '低', en: 'Low' },
  medium: { zh: '中', en: 'Medium' },
  high: { zh: '高', en: 'High' },
} as const satisfies Record<RiskLevel, BilingualMessage>;

/** 矛盾排查: a conflict found early, and whether it was settled at first handling (调处成功). */
export const DisputeScreening = z.object({
  id: z.string().uuid(),
  level: ScreeningLevel,
  unitId: z.string().uuid(),
  foundOn: CalendarDay,
  parties: z.array(z.string().min(1)).min(1),
  summary: z.string().trim().min(1, 'validation.required'),
  risk: RiskLevel,
  settledAtFirstHandling: z.boolean(),
  settledOn: CalendarDay.optional(),
});
export type DisputeScreening = z.infer<typeof DisputeScreening>;
