import { DomainError } from '@xinfang/domain/errors';
import { packageLastCoveredYear, YearArrangement } from '@xinfang/domain/clocks/work-calendar';
import { listCalendarYears, upsertCalendarYear } from '@xinfang/db/repositories/work-calendar';
import type { z } from 'zod';
import type { ApiContext } from '../../context.ts';
import type { Actor } from '@xinfang/domain/staff';
import { refreshClocks } from '../petitions/workflow.service.ts';
import { forgetReference } from '../../reference-cache.ts';
import { loadWorkCalendar } from './calendar.service.ts';

// The administrator's side of the calendar. It lives apart from calendar.service.ts (the loader every service reads
// the calendar through) because loading a year re-flows the workflow's clocks while the workflow reads the calendar:
// in one file, the two services imported each other.

export async function describeCalendar(ctx: ApiContext) {
  const rows = await listCalendarYears(ctx.db);
  const calendar = await loadWorkCalendar(ctx.db);
  return {
    packageLastYear: packageLastCoveredYear(),
    lastCoveredDay: calendar.lastCoveredDay,
    years: rows.map((row) => {
      const arrangement = YearArrangement.parse(row.arrangement);
      return { ...arrangement, loadedAt: new Date(row.loaded_at).toISOString() };
    }),
  };
}

/**
 * Loads (or replaces) a year's holiday arrangement, then re-flows the clocks of every open petition so deadlines
 * and the petitioner-facing explanations follow the new calendar.
 */
export async function loadYear(ctx: ApiContext & { actor: Actor }, input: z.infer<typeof YearArrangement>) {
  const prefix = `${input.year}-`;
  const dates = [...input.holidays.map((holiday) => holiday.date), ...input.workdays];
  if (dates.some((date) => !date.startsWith(prefix))) throw new DomainError('calendar.yearMismatch', 'invalid');
  const holidayDates = new Set(input.holidays.map((holiday) => holiday.date));
  if (input.workdays.some((day) => holidayDates.has(day))) throw new DomainError('calendar.dateInBothLists', 'invalid');
  await upsertCalendarYear(ctx.db, input.year, input, ctx.actor.staffId, ctx.now());
  forgetReference(ctx.db, 'workCalendar');
  const reflowed = await refreshClocks(ctx, { all: true });
  return { year: input.year, reflowed };
}
