import { searchWords, tsqueryText } from '@xinfang/domain/search/search-tokens';
import { sql, type SqlBool } from 'kysely';
import type { Executor } from '../database.ts';

export interface PetitionSearch {
  /** Jurisdiction: the reader's unit path (petitions by hall, street or responsible unit under it). */
  scopePath: string;
  /** The reader's unit, for the accusation firewall. */
  unitId: string;
  text: string;
  limit: number;
}

export interface PetitionSearchRow {
  id: string;
  tracking_code: string;
  status: string;
  summary: string;
  received_at: Date;
}

/**
 * Petitions whose text contains every word of the query, newest first. The GIN index on character pairs picks the
 * candidates; the substring test keeps exactly those a `LIKE '%word%'` scan would return. Returns `limit + 1` rows
 * at most so the caller can tell whether there are more.
 */
export async function searchPetitions(db: Executor, search: PetitionSearch): Promise<PetitionSearchRow[]> {
  const query = tsqueryText(search.text);
  if (query === undefined) return [];
  const prefix = `${search.scopePath}%`;
  const folded = sql`translate(concat_ws(' ', p.summary, p.content, p.request), 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')`;
  const rows = await db
    .selectFrom('petition_search as s')
    .innerJoin('petitions as p', 'p.id', 's.petition_id')
    .select(['p.id', 'p.tracking_code', 'p.status', 'p.summary', 'p.received_at'])
    .where(sql<SqlBool>`s.tokens @@ ${query}::tsquery`)
    .where((eb) => eb.and(searchWords(search.text).map((word) => sql<SqlBool>`strpos(${folded}, ${word}) > 0`)))
    .where(sql<SqlBool>`(p.scope_path like ${prefix} or p.responsible_path like ${prefix})`)
    .where(sql<SqlBool>`not (p.petition_class = 'accusation' and p.accused_unit_id is not null and p.accused_unit_id = ${search.unitId}::uuid)`)
    .orderBy('p.received_at', 'desc')
    .orderBy('p.id', 'desc')
    .limit(search.limit + 1)
    .execute();
  return rows;
}
