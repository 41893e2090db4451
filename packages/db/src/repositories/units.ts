import type { Executor } from '../database.ts';
import type { UnitRow } from '../schema.ts';

export interface NewUnit {
  code: string;
  kind: 'district' | 'street' | 'community' | 'department';
  nameZh: string;
  nameEn: string;
  parentId?: string | undefined;
  parentPath?: string | undefined;
}

/** Inserts a unit, or returns the existing one with that code (seeds are re-runnable). */
export async function ensureUnit(db: Executor, unit: NewUnit): Promise<UnitRow> {
  const path = `${unit.parentPath ?? '/'}${unit.code}/`;
  await db
    .insertInto('units')
    .values({ code: unit.code, kind: unit.kind, name_zh: unit.nameZh, name_en: unit.nameEn, parent_id: unit.parentId ?? null, path })
    .onConflict((conflict) => conflict.column('code').doNothing())
    .execute();
  return getUnitByCode(db, unit.code);
}

export async function getUnitByCode(db: Executor, code: string): Promise<UnitRow> {
  return db.selectFrom('units').selectAll().where('code', '=', code).executeTakeFirstOrThrow();
}

export async function findUnitById(db: Executor, id: string): Promise<UnitRow | undefined> {
  return db.selectFrom('units').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Every unit, parents before children. */
export async function listUnits(db: Executor): Promise<UnitRow[]> {
  return db.selectFrom('units').selectAll().orderBy('path').execute();
}
