import { searchWords, tsqueryText } from '@xinfang/domain/search/search-tokens';
import { sql, type Expression, type SqlBool } from 'kysely';
import type { Executor } from '../database.ts';
import { filerVisibleToReader, visibleToReader, type ReaderScope } from './petition-visibility.ts';

export interface PetitionSearch {
  /** Who reads: jurisdiction and the accusation firewall (the one visibility rule), and whether they may see accusers. */
  reader: ReaderScope;
  text: string;
  limit: number;
}

export interface PetitionSearchRow {
  id: string;
  tracking_code: string;
  status: string;
  channel: string;
  petition_class: string | null;
  summary: string;
  content: string;
  request: string | null;
  respondent: string | null;
  petitioner_name: string;
  received_at: Date;
  light: string | null;
}

/**
 * Above this many index candidates a query is "frequent": walking the newest petitions and testing each finds a page
 * sooner than collecting, checking and sorting every candidate. Both paths return the same rows; the crossover is
 * where their costs meet (about √(page × petitions) at province scale; see docs/benchmarks.md).
 */
export const defaultCandidateLimit = 5000;

const fold = (text: Expression<unknown>) => sql<string>`translate(${text}, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')`;

/** The searched text of petition `p` but the filer's name, as the index trigger joins it (no token spans two fields). */
const foldedMatterText = fold(sql`concat_ws(' ', p.summary, p.content, p.request, p.respondent, p.tracking_code)`);

/**
 * Whether petition `p` holds every word of the query, as a `LIKE '%word%'` scan would find it (ASCII case folded):
 * each word in its summary, content, request, respondent or tracking code — or in the filer's name (`filerName`, an
 * expression over `p`) where the reader may see who filed it. This re-check is what decides; the index only pre-selects.
 */
function holdsEveryWord(text: string, reader: ReaderScope, filerName: Expression<string>): Expression<SqlBool> {
  const nameVisible = filerVisibleToReader(reader);
  const conditions = searchWords(text).map(
    (word) => sql<SqlBool>`(strpos(${foldedMatterText}, ${word}) > 0 or (${nameVisible} and strpos(${fold(filerName)}, ${word}) > 0))`,
  );
  return sql<SqlBool>`(${sql.join(conditions, sql` and `)})`;
}

/**
 * The condition a work queue's search filter adds for petition `p`: a candidate of the character-pair index, holding
 * every word (see `searchPetitions`); undefined for a query without a word (only separators), which filters nothing.
 */
export function searchCondition(text: string, reader: ReaderScope): Expression<SqlBool> | undefined {
  const query = tsqueryText(text);
  if (query === undefined) return undefined;
  const filerName = sql<string>`(select pr_search.name from petitioners pr_search where pr_search.id = p.petitioner_id)`;
  return sql<SqlBool>`(p.id in (select s.petition_id from petition_search s where s.tokens @@ ${query}::tsquery) and ${holdsEveryWord(text, reader, filerName)})`;
}

/**
 * Petitions whose text contains every word of the query, newest first. Rare words: the GIN index on character
 * pairs collects every candidate, which is then tested, scoped and sorted. Frequent words (more candidates than
 * `candidateLimit`): the newest petitions are tested in order until the page is full. The re-check keeps exactly the
 * rows a `LIKE '%word%'` scan would return, on either path, and matches the filer's name only where the reader may see
 * the filer. Returns `limit + 1` rows at most so the caller can tell whether there are more.
 */
export async function searchPetitions(db: Executor, search: PetitionSearch, options: { candidateLimit?: number } = {}): Promise<PetitionSearchRow[]> {
  const query = tsqueryText(search.text);
  if (query === undefined) return [];
  const candidateLimit = options.candidateLimit ?? defaultCandidateLimit;
  const candidates = await sql<{ petition_id: string }>`
    select petition_id from petition_search where tokens @@ ${query}::tsquery limit ${candidateLimit + 1}
  `.execute(db);
  if (candidates.rows.length === 0) return [];
  let base = db
    .selectFrom('petitions as p')
    .innerJoin('petitioners as pr', 'pr.id', 'p.petitioner_id')
    .select([
      'p.id',
      'p.tracking_code',
      'p.status',
      'p.channel',
      'p.petition_class',
      'p.summary',
      'p.content',
      'p.request',
      'p.respondent',
      'pr.name as petitioner_name',
      'p.received_at',
      'p.light',
    ])
    .where(holdsEveryWord(search.text, search.reader, sql<string>`pr.name`))
    .where(visibleToReader(search.reader));
  if (candidates.rows.length <= candidateLimit) {
    base = base.where(sql<SqlBool>`p.id = any(${candidates.rows.map((row) => row.petition_id)}::uuid[])`);
  }
  return base.orderBy('p.received_at', 'desc').orderBy('p.id', 'desc').limit(search.limit + 1).execute();
}
