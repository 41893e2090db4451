import type { Executor } from '../database.ts';

/** What a public lookup needs of a petition; the second factor (last 4 digits or full mobile) is compared by keyed hash, never decrypted. */
export async function findPetitionForTracking(db: Executor, trackingCode: string) {
  return db
    .selectFrom('petitions as p')
    .innerJoin('petitioners as pr', 'pr.id', 'p.petitioner_id')
    .leftJoin('units as hu', 'hu.id', 'p.handling_unit_id')
    .select([
      'p.id',
      'p.tracking_code',
      'p.status',
      'p.version',
      'p.received_at',
      'p.hall_unit_id',
      'pr.mobile_last4_hash',
      'pr.mobile_hash',
      'hu.name_zh as handling_unit_zh',
      'hu.name_en as handling_unit_en',
    ])
    .where('p.tracking_code', '=', trackingCode)
    .executeTakeFirst();
}

/** Unit names by id, for the public timeline's handling unit. */
export async function findUnitNames(db: Executor, unitId: string) {
  return db.selectFrom('units').select(['id', 'name_zh', 'name_en', 'parent_id', 'kind']).where('id', '=', unitId).executeTakeFirst();
}

