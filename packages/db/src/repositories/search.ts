import { searchWords, tsqueryText } from '@xinfang/domain/search/search-tokens';
import { sql, type SqlBool } from 'kysely';
import type { Executor } from '../database.ts';
import { visibleToReader, type ReaderScope } from './petition-visibility.ts';

export interface PetitionSearch {
  /** Who reads: jurisdiction and the accusation firewall (the one visibility rule). */
  reader: ReaderScope;
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
 * Above this many index candidates a query is "frequent": walking the newest petitions and testing each finds a page
 * sooner than collecting, checking and sorting every candidate. Both paths return the same rows; the crossover is
 * where their costs meet (about √(page × petitions) at province scale; see docs/benchmarks.md).
 */
export const defaultCandidateLimit = 5000;

/**
 * Petitions whose text contains every word of the query, newest first. Rare words: the GIN index on character
 * pairs collects every candidate, which is then tested, scoped and sorted. Frequent words (more candidates than
 * `candidateLimit`): the newest petitions are tested in order until the page is full. The substring test keeps exactly
 * the rows a `LIKE '%word%'` scan would return, on either path. Returns `limit + 1` rows at most so the caller can
 * tell whether there are more.
 */
export async function searchPetitions(db: Executor, search: PetitionSearch, options: { candidateLimit?: number } = {}): Promise<PetitionSearchRow[]> {
  const query = tsqueryText(search.text);
  if (query === undefined) return [];
  const candidateLimit = options.candidateLimit ?? defaultCandidateLimit;
  const folded = sql`translate(concat_ws(' ', p.summary, p.content, p.request), 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')`;
  const candidates = await sql<{ petition_id: string }>`
    select petition_id from petition_search where tokens @@ ${query}::tsquery limit ${candidateLimit + 1}
  `.execute(db);
  if (candidates.rows.length === 0) return [];
  let base = db
    .selectFrom('petitions as p')
    .select(['p.id', 'p.tracking_code', 'p.status', 'p.summary', 'p.received_at'])
    .where((eb) => eb.and(searchWords(search.text).map((word) => sql<SqlBool>`strpos(${folded}, ${word}) > 0`)))
    .where(visibleToReader(search.reader));
  if (candidates.rows.length <= candidateLimit) {
    base = base.where(sql<SqlBool>`p.id = any(${candidates.rows.map((row) => row.petition_id)}::uuid[])`);
  }
  return base.orderBy('p.received_at', 'desc').orderBy('p.id', 'desc').limit(search.limit + 1).execute();
}
