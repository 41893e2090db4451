import type { Executor } from '../database.ts';

export async function listCalendarYears(db: Executor) {
  return db.selectFrom('work_calendar_years').selectAll().orderBy('year').execute();
}

export async function upsertCalendarYear(db: Executor, year: number, arrangement: unknown, loadedBy: string | null, loadedAt: Date): Promise<void> {
  const json = JSON.stringify(arrangement);
  await db
    .insertInto('work_calendar_years')
    .values({ year, arrangement: json, loaded_by: loadedBy, loaded_at: loadedAt })
    .onConflict((conflict) => conflict.column('year').doUpdateSet({ arrangement: json, loaded_by: loadedBy, loaded_at: loadedAt }))
    .execute();
}
