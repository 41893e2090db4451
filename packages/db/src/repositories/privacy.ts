import type { Executor } from '../database.ts';

/** What a reveal needs of a petition: the units it belongs to, the accusation facts, and the petitioner's sealed values. */
export interface PetitionPrivacyRow {
  petitionId: string;
  petitionerId: string;
  petitionClass: string | null;
  accusedUnitId: string | null;
  unitIds: string[];
  mobileCipher: string | null;
  idNumberCipher: string | null;
  addressCipher: string | null;
}

/**
 * The petition's access facts and the sealed values of one of its persons: the main petitioner, or `petitionerId`
 * when that person is linked to the petition (undefined otherwise, so no other petition's person can be reached).
 */
export async function findPetitionPrivacyRow(db: Executor, petitionId: string, petitionerId?: string): Promise<PetitionPrivacyRow | undefined> {
  const row = await db
    .selectFrom('petitions as p')
    .innerJoin('petitioners as pr', (join) =>
      petitionerId
        ? join.on('pr.id', '=', petitionerId).on((eb) =>
            eb.or([
              eb('pr.id', '=', eb.ref('p.petitioner_id')),
              eb.exists(eb.selectFrom('petition_petitioners as pp').select('pp.petitioner_id').whereRef('pp.petition_id', '=', 'p.id').whereRef('pp.petitioner_id', '=', 'pr.id')),
            ]),
          )
        : join.onRef('pr.id', '=', 'p.petitioner_id'),
    )
    .select([
      'p.id',
      'p.petition_class',
      'p.accused_unit_id',
      'p.hall_unit_id',
      'p.street_unit_id',
      'p.community_unit_id',
      'p.handling_unit_id',
      'pr.id as petitioner_row_id',
      'pr.mobile_cipher',
      'pr.id_number_cipher',
      'pr.address_cipher',
    ])
    .where('p.id', '=', petitionId)
    .executeTakeFirst();
  if (!row) return undefined;
  const unitIds = [row.hall_unit_id, row.street_unit_id, row.community_unit_id, row.handling_unit_id].filter((id): id is string => id !== null);
  return {
    petitionerId: row.petitioner_row_id,
    petitionId: row.id,
    petitionClass: row.petition_class,
    accusedUnitId: row.accused_unit_id,
    unitIds,
    mobileCipher: row.mobile_cipher,
    idNumberCipher: row.id_number_cipher,
    addressCipher: row.address_cipher,
  };
}

/** The unit tree as parent links, for the domain's jurisdiction rules. */
export async function loadUnitTree(db: Executor): Promise<{ id: string; parentId: string | null; kind: string }[]> {
  const rows = await db.selectFrom('units').select(['id', 'parent_id', 'kind']).execute();
  return rows.map((row) => ({ id: row.id, parentId: row.parent_id, kind: row.kind }));
}
