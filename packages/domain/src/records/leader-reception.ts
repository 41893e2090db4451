import { z } from 'zod';
import type { BilingualMessage } from '../messages/messages.ts';
import { CalendarDay } from '../time/calendar-day.ts';

/** 领导接访 modes. */
export const LeaderReceptionMode = z.enum(['fixedPoint', 'appointment', 'bringCase', 'regularVisit']);
export type LeaderReceptionMode = z.infer<typeof LeaderReceptionMode>;

export const leaderReceptionModeLabels = {
  fixedPoint: { zh: '定点接访', en: 'Fixed-point reception' },
  appointment: { zh: '重点约访', en: 'Appointment' },
  bringCase: { zh: '带案下访', en: 'Visit with cases' },
  regularVisit: { zh: '定期走访', en: 'Regular visit' },
} as const satisfies Record<LeaderReceptionMode, BilingualMessage>;

export const LeaderReception = z.object({
  id: z.string().uuid(),
  mode: LeaderReceptionMode,
  leaderStaffId: z.string().uuid(),
  heldOn: CalendarDay,
  place: z.string().trim().min(1, 'validation.required'),
  petitionIds: z.array(z.string().uuid()).default([]),
  /** Matters pushed to resolution at or after this reception. */
  resolvedPetitionIds: z.array(z.string().uuid()).default([]),
});
export type LeaderReception = z.infer<typeof LeaderReception>;
