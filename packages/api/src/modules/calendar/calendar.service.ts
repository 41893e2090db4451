import { createWorkCalendar, YearArrangement, type WorkCalendar } from '@xinfang/domain/clocks/work-calendar';
import { listCalendarYears } from '@xinfang/db/repositories/work-calendar';
import type { Executor } from '@xinfang/db/database';
import { cachedReference } from '../../reference-cache.ts';

/** The official calendar with every year an administrator loaded (their arrangements win over the package's). */
export async function loadWorkCalendar(db: Executor): Promise<WorkCalendar> {
  const rows = await listCalendarYears(db);
  return createWorkCalendar({ years: rows.map((row) => YearArrangement.parse(row.arrangement)) });
}

/** The working calendar, kept for a short time (see reference-cache.ts): for hot read paths such as kiosk receipts. */
export function cachedWorkCalendar(db: Executor): Promise<WorkCalendar> {
  return cachedReference(db, 'workCalendar', () => loadWorkCalendar(db));
}
