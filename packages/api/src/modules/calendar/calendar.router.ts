import { YearArrangement } from '@xinfang/domain/clocks/work-calendar';
import { z } from 'zod';
import { router, staffProcedure } from '../../trpc.ts';
import { describeCalendar, loadYear } from './calendar-years.service.ts';

const CalendarOverview = z.object({
  packageLastYear: z.number().int(),
  lastCoveredDay: z.string(),
  years: z.array(YearArrangement.extend({ loadedAt: z.string() })),
});

export const calendarRouter = router({
  /** What the official calendar covers and the years an administrator loaded. */
  overview: staffProcedure('staff.self').input(z.void()).output(CalendarOverview).query(({ ctx }) => describeCalendar(ctx)),
  /** Loads a year's holidays and make-up workdays; every open petition's clocks re-flow. */
  loadYear: staffProcedure('calendar.manage')
    .input(YearArrangement)
    .output(z.object({ year: z.number().int(), reflowed: z.number().int() }))
    .mutation(({ ctx, input }) => loadYear(ctx, input)),
});
