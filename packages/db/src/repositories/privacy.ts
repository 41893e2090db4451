import type { Executor } from '../database.ts';

/** What a reveal needs of a petition's person: the sealed values (who may see them is the service's `checkAccess`). */
export interface PetitionPrivacyRow {
  petitionId: string;
  petitionerId: string;
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
      'pr.id as petitioner_row_id',
      'pr.mobile_cipher',
      'pr.id_number_cipher',
      'pr.address_cipher',
    ])
    .where('p.id', '=', petitionId)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    petitionerId: row.petitioner_row_id,
    petitionId: row.id,
    mobileCipher: row.mobile_cipher,
    idNumberCipher: row.id_number_cipher,
    addressCipher: row.address_cipher,
  };
}
