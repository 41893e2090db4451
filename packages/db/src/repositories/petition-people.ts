import { sql, type Expression, type SqlBool } from 'kysely';
import type { Executor } from '../database.ts';
import { accusesReader, visibleToReader, type ReaderScope } from './petition-visibility.ts';

/** The persons of a petition with their masked identity and whether an address is recorded (never the ciphertext). */
export async function listPetitionPersons(db: Executor, petitionId: string, primaryPetitionerId: string) {
  const linked = await db
    .selectFrom('petition_petitioners as pp')
    .innerJoin('petitioners as pr', 'pr.id', 'pp.petitioner_id')
    .select(['pr.id', 'pr.name', 'pr.id_number_masked', 'pr.mobile_masked', 'pp.is_representative', sql<boolean>`pr.address_cipher is not null`.as('has_address')])
    .where('pp.petition_id', '=', petitionId)
    .execute();
  if (linked.some((person) => person.id === primaryPetitionerId)) return linked;
  const primary = await db
    .selectFrom('petitioners')
    .select(['id', 'name', 'id_number_masked', 'mobile_masked', sql<boolean>`false`.as('is_representative'), sql<boolean>`address_cipher is not null`.as('has_address')])
    .where('id', '=', primaryPetitionerId)
    .execute();
  return [...primary, ...linked];
}

/** The same petitioners' other matters, and recorded repeat decisions, that the reader may see. */
export async function listRelatedPetitions(db: Executor, petitionId: string, reader: ReaderScope) {
  const samePetitioner = await db
    .selectFrom('petitions as other')
    .select(['other.id', 'other.tracking_code', 'other.summary', 'other.status', 'other.received_at'])
    .where('other.id', '<>', petitionId)
    .where(visibleToReaderAs('other', reader))
    // one IN over a UNION lets the petitioner index serve it; an OR of the two sub-queries scanned the whole table
    .where((eb) =>
      eb(
        'other.petitioner_id',
        'in',
        eb
          .selectFrom('petition_petitioners')
          .select('petitioner_id')
          .where('petition_id', '=', petitionId)
          .union(eb.selectFrom('petitions').select('petitioner_id').where('id', '=', petitionId)),
      ),
    )
    .orderBy('other.received_at', 'desc')
    .limit(20)
    .execute();
  const decisions = await db
    .selectFrom('repeat_decisions as d')
    .innerJoin('petitions as other', 'other.id', 'd.candidate_petition_id')
    .select(['other.id', 'other.tracking_code', 'other.summary', 'other.status', 'other.received_at', 'd.decision'])
    .where('d.petition_id', '=', petitionId)
    .where(visibleToReaderAs('other', reader))
    .execute();
  return { samePetitioner, decisions };
}

export async function staffNames(db: Executor, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('staff').select(['id', 'display_name']).where('id', 'in', [...new Set(ids)]).execute();
  return new Map(rows.map((row) => [row.id, row.display_name]));
}

/**
 * Petitions whose persons match any of these keyed hashes: repeat suggestions, from the whole deployment (a repeat is
 * found wherever the person went before) but never an accusation against the reader.
 */
export async function findPetitionsByPersonHashes(db: Executor, idNumberHashes: readonly string[], mobileHashes: readonly string[], reader: Pick<ReaderScope, 'firewall'>) {
  if (idNumberHashes.length === 0 && mobileHashes.length === 0) return [];
  return db
    .selectFrom('petitioners as pr')
    .innerJoin('petitions as p', (join) =>
      join.on((eb) =>
        eb.or([eb('p.petitioner_id', '=', eb.ref('pr.id')), eb('p.id', 'in', eb.selectFrom('petition_petitioners as pp').select('pp.petition_id').whereRef('pp.petitioner_id', '=', 'pr.id'))]),
      ),
    )
    .select(['p.id', 'p.tracking_code', 'p.summary', 'p.status', 'p.received_at', 'pr.id_number_hash', 'pr.mobile_hash'])
    .where((eb) =>
      eb.or([
        ...(idNumberHashes.length ? [eb('pr.id_number_hash', 'in', idNumberHashes)] : []),
        ...(mobileHashes.length ? [eb('pr.mobile_hash', 'in', mobileHashes)] : []),
      ]),
    )
    .where(sql<SqlBool>`not ${accusesReader(reader)}`)
    .orderBy('p.received_at', 'desc')
    .limit(20)
    .execute();
}

/** An existing petitioner with this ID number (keyed hash), to reuse rather than duplicate. */
export async function findPetitionerByIdNumberHash(db: Executor, idNumberHash: string) {
  return db.selectFrom('petitioners').select(['id', 'name']).where('id_number_hash', '=', idNumberHash).executeTakeFirst();
}

/** {@link visibleToReader} over a petitions table aliased `alias` instead of `p`. */
function visibleToReaderAs(alias: string, reader: ReaderScope): Expression<SqlBool> {
  return sql<SqlBool>`exists (select 1 from petitions p where p.id = ${sql.ref(`${alias}.id`)} and ${visibleToReader(reader)})`;
}

/** Whether the reader may see at least one matter of this petitioner (linking a known person at registration). */
export async function isPetitionerVisibleTo(db: Executor, petitionerId: string, reader: ReaderScope): Promise<boolean> {
  const row = await db
    .selectFrom('petitions as p')
    .select('p.id')
    .where((eb) =>
      eb.or([
        eb('p.petitioner_id', '=', petitionerId),
        eb('p.id', 'in', eb.selectFrom('petition_petitioners as pp').select('pp.petition_id').where('pp.petitioner_id', '=', petitionerId)),
      ]),
    )
    .where(visibleToReader(reader))
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** Which of these petitions the reader may see. */
export async function findVisiblePetitionIds(db: Executor, petitionIds: readonly string[], reader: ReaderScope): Promise<Set<string>> {
  if (petitionIds.length === 0) return new Set();
  const rows = await db.selectFrom('petitions as p').select('p.id').where('p.id', 'in', [...petitionIds]).where(visibleToReader(reader)).execute();
  return new Set(rows.map((row) => row.id));
}
