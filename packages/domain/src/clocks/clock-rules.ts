import { z } from 'zod';
import type { BilingualMessage } from '../messages/messages.ts';
import { ClockKind } from './clock-kind.ts';

/** How a period counts: calendar days (日, rolled past a rest day at the end) or working days (工作日). */
export const PeriodUnit = z.enum(['calendarDays', 'workingDays']);
export type PeriodUnit = z.infer<typeof PeriodUnit>;

export const Period = z.object({ count: z.number().int().nonnegative(), unit: PeriodUnit });
export type Period = z.infer<typeof Period>;

/** One clock's limits: the statute's, and optionally the bureau's tighter local target. */
export const ClockRule = z.object({ statutory: Period, localTarget: Period.optional() });
export type ClockRule = z.infer<typeof ClockRule>;

/** A set of clock rules: configuration, not code (DOMAIN.md §4). */
export const ClockPolicy = z.object({
  id: z.string().min(1),
  version: z.number().int().positive(),
  name: z.object({ zh: z.string(), en: z.string() }),
  clocks: z.record(ClockKind, ClockRule),
  /** A running clock turns yellow this many calendar days before its statutory limit. */
  warnWithinDays: z.number().int().nonnegative(),
});
export type ClockPolicy = z.infer<typeof ClockPolicy>;

/** Whose duty a clock measures: the unit's, or the petitioner's window to act. */
export const clockParties = {
  route: 'unit',
  receiptNotice: 'unit',
  objection: 'unit',
  conclude: 'unit',
  requestReview: 'petitioner',
  answerReview: 'unit',
  requestRecheck: 'petitioner',
  answerRecheck: 'unit',
  judicialConfirmation: 'petitioner',
} as const satisfies Record<ClockKind, 'unit' | 'petitioner'>;

const days = (count: number): Period => ({ count, unit: 'calendarDays' });
const workingDays = (count: number): Period => ({ count, unit: 'workingDays' });

const statute = {
  route: { statutory: days(15) },
  receiptNotice: { statutory: days(15) },
  objection: { statutory: workingDays(5) },
  conclude: { statutory: days(60) },
  requestReview: { statutory: days(30) },
  answerReview: { statutory: days(30) },
  requestRecheck: { statutory: days(30) },
  answerRecheck: { statutory: days(30) },
  judicialConfirmation: { statutory: days(30) },
} as const satisfies Record<ClockKind, ClockRule>;

const nationalName: BilingualMessage = { zh: '《信访工作条例》法定期限', en: 'Statutory limits of the Regulations on Petition Work' };

/** The statute alone: Arts. 22, 23, 34–36 of the 信访工作条例 and Art. 33 of the 人民调解法. */
export const nationalPolicy: ClockPolicy = { id: 'national', version: 1, name: nationalName, clocks: statute, warnWithinDays: 3 };

/** The statute plus Futian's compressed local targets: route in 3, receipt notice in 5, conclude in 30 working days. */
export const futianPolicy: ClockPolicy = {
  id: 'futian',
  version: 1,
  name: { zh: '福田区压缩时限（3/5/30）', en: 'Futian compressed targets (3/5/30)' },
  clocks: {
    ...statute,
    route: { statutory: days(15), localTarget: workingDays(3) },
    receiptNotice: { statutory: days(15), localTarget: workingDays(5) },
    conclude: { statutory: days(60), localTarget: workingDays(30) },
  },
  warnWithinDays: 3,
};
