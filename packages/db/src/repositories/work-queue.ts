import { finishedStatuses, QueueItem, queueStatuses, type QueueCursor, type QueueKey } from '@xinfang/domain/casework/queues';
import { searchExcerpt, wordsNotShown } from '@xinfang/domain/search/search-highlight';
import { sql, type Expression, type SqlBool } from 'kysely';
import type { Executor } from '../database.ts';
import { accusesReader, jurisdictionArms, visibleToReader, type ReaderScope } from './petition-visibility.ts';
import { searchCondition } from './search.ts';

export interface QueueFilterValues {
  streetUnitId?: string | undefined;
  unitId?: string | undefined;
  petitionClass?: string | undefined;
  channel?: string | undefined;
  light?: string | undefined;
  receivedFrom?: string | undefined;
  receivedTo?: string | undefined;
  /** Words that must each occur in the matter's text, tracking code or (where the reader may see the filer) name. */
  search?: string | undefined;
}

function queueCondition(queue: QueueKey): Expression<SqlBool> {
  const open = sql<SqlBool>`p.status not in (${sql.join(finishedStatuses)})`;
  switch (queue) {
    case 'pendingRegistration':
      return sql<SqlBool>`(p.status = 'registered' and p.registered_by is null)`;
    case 'pendingTriage':
      return sql<SqlBool>`(p.status = 'registered' and p.registered_by is not null)`;
    case 'dueSoon':
      return sql<SqlBool>`(p.light = 'yellow' and ${open})`;
    case 'overdue':
      return sql<SqlBool>`(p.light = 'red' and ${open})`;
    case 'all':
      return sql<SqlBool>`true`;
    default:
      return sql<SqlBool>`p.status in (${sql.join(queueStatuses[queue])})`;
  }
}

/**
 * How many matters a queue holds, counted only up to `cap + 1`. Counted from `petitions` alone (the names' joins
 * cannot change it). Without filters, from the path indexes alone (index-only scans, no table rows): each
 * jurisdiction arm limited, united (a matter may be in more than one arm), less the accusations against the reader,
 * which those indexes do not hold and which are counted apart (`petitions_accusation_idx`, a few rows). With each
 * arm limited to `cap + 1 + accusations`: if no arm reached its limit the union is exact; if one did, more than
 * `cap` matters remain after the firewall either way.
 */
async function countUpTo(db: Executor, scope: ReaderScope, queue: QueueKey, filters: QueueFilterValues, cap: number): Promise<number> {
  const filtered = filterConditions(filters, scope);
  if (filtered.length > 0) {
    const conditions = [visibleToReader(scope), queueCondition(queue), ...filtered];
    const limited = db.selectFrom('petitions as p').select(sql`1`.as('one')).where((eb) => eb.and(conditions)).limit(cap + 1);
    const row = await db.selectFrom(limited.as('t')).select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    return Number(row.n);
  }
  const arms = jurisdictionArms(scope);
  const accusing = await db
    .selectFrom('petitions as p')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where((eb) => eb.and([accusesReader(scope), eb.or(arms), queueCondition(queue)]))
    .executeTakeFirstOrThrow();
  const excluded = Number(accusing.n);
  const limit = cap + 1 + excluded;
  const [first, second, third] = arms.map((arm) => db.selectFrom('petitions as p').select('p.id').where(arm).where(queueCondition(queue)).limit(limit));
  const united = await sql<{ n: string }>`select count(*) as n from (${first} union ${second} union ${third}) as t`.execute(db);
  return Math.min(Number(united.rows[0]!.n) - excluded, cap + 1);
}

function filterConditions(filters: QueueFilterValues, scope: ReaderScope): Expression<SqlBool>[] {
  const conditions: Expression<SqlBool>[] = [];
  if (filters.streetUnitId) conditions.push(sql<SqlBool>`p.street_unit_id = ${filters.streetUnitId}::uuid`);
  if (filters.unitId) conditions.push(sql<SqlBool>`p.handling_unit_id = ${filters.unitId}::uuid`);
  if (filters.petitionClass) conditions.push(sql<SqlBool>`p.petition_class = ${filters.petitionClass}`);
  if (filters.channel) conditions.push(sql<SqlBool>`p.channel = ${filters.channel}`);
  if (filters.light) conditions.push(sql<SqlBool>`p.light = ${filters.light}`);
  // day boundaries in Asia/Shanghai
  if (filters.receivedFrom) conditions.push(sql<SqlBool>`p.received_at >= ${`${filters.receivedFrom}T00:00:00+08:00`}::timestamptz`);
  if (filters.receivedTo) conditions.push(sql<SqlBool>`p.received_at < (${`${filters.receivedTo}T00:00:00+08:00`}::timestamptz + interval '1 day')`);
  // the character-pair index and its re-check, as search.petitions uses them (and the reader's right to see filers)
  const searched = filters.search ? searchCondition(filters.search, scope) : undefined;
  if (searched) conditions.push(searched);
  return conditions;
}

/** The collected matches `m` after the cursor in the queue order (`due_at asc nulls last, id`). */
function cursorCondition(after: QueueCursor): Expression<SqlBool> {
  if (after.dueAt === null) return sql<SqlBool>`(m.due_at is null and m.id > ${after.id}::uuid)`;
  return sql<SqlBool>`((m.due_at, m.id) > (${new Date(after.dueAt)}::timestamptz, ${after.id}::uuid) or m.due_at is null)`;
}

/**
 * Queues that hold every matter of the jurisdiction, or every finished one: tens of thousands at a street at scale.
 * Their total is counted up to a cap. The other queues hold open matters only (a few thousand at most per unit).
 */
const unboundedQueues: ReadonlySet<QueueKey> = new Set(['all', 'finished']);
/** Above this many matters a queue's total is reported as "more than" (counted over `limit cap + 1`). */
export const queueTotalCap = 10_000;

interface StoredClocks {
  due?: { kind: string; explanation: { zh: string; en: string } } | null;
}

const queueColumns = [
  'p.id',
  'p.tracking_code',
  'p.status',
  'p.channel',
  'p.kiosk_assisted',
  'p.petition_class',
  'p.summary',
  'pr.name as petitioner_name',
  'pr.mobile_masked',
  'h.name_zh as hall_name',
  'st.name_zh as street_name',
  'hu.name_zh as handling_unit_name',
  'p.is_collective',
  'p.headcount',
  'p.received_at',
  'p.due_at',
  'p.light',
  'p.clocks',
  'p.version',
] as const;

/**
 * A keyset page of a work queue, earliest due date first (no due date last), and the queue's total.
 *
 * Open-matter queues: the matches are collected once (through the status-first path indexes, in a materialized
 * CTE), counted, and the page sorted from them — one pass, wherever the matches lie in due-date order (a street's
 * replied matters have no due date, so an ordered walk of the due-date index passed every dated open matter first).
 * `all` and `finished` hold tens of thousands at scale: their total is counted up to `queueTotalCap`, and the page is
 * read in two parts from the cursor on — the dated matters, then the undated ones by id (the primary key).
 */
export async function listQueue(
  db: Executor,
  scope: ReaderScope,
  queue: QueueKey,
  filters: QueueFilterValues,
  page: { limit: number; after?: QueueCursor | undefined; totalCap?: number },
): Promise<{ items: QueueItem[]; total: number; totalIsCapped: boolean }> {
  const { limit, after } = page;
  const cap = page.totalCap ?? queueTotalCap;
  const conditions = [visibleToReader(scope), queueCondition(queue), ...filterConditions(filters, scope)];
  const matching = db.selectFrom('petitions as p').where((eb) => eb.and(conditions));
  // with a search, the texts an excerpt is cut from (only then: a page of the whole queue need not carry them)
  const searching = Boolean(filters.search);
  const searchTexts = [
    (searching ? sql<string | null>`p.content` : sql<string | null>`null::text`).as('search_content'),
    (searching ? sql<string | null>`p.request` : sql<string | null>`null::text`).as('search_request'),
    (searching ? sql<string | null>`p.respondent` : sql<string | null>`null::text`).as('search_respondent'),
  ];
  // the names: inner joins on non-null foreign keys, and left joins, so they never drop or add a row
  const named = (query: typeof matching) =>
    query
      .innerJoin('petitioners as pr', 'pr.id', 'p.petitioner_id')
      .innerJoin('units as h', 'h.id', 'p.hall_unit_id')
      .leftJoin('units as st', 'st.id', 'p.street_unit_id')
      .leftJoin('units as hu', 'hu.id', 'p.handling_unit_id')
      .select(queueColumns)
      .select(searchTexts);
  /**
   * The ids and due dates of the matching matters: each jurisdiction arm on its own (an index-only scan of a path
   * index when the queue asks only for statuses), united, less the accusations against the reader. One bitmap scan
   * of the three arms OR-ed together would read a table page per matter to test the firewall and take `due_at`.
   */
  const matchingIds = (extra: readonly Expression<SqlBool>[]) => {
    const armConditions = [queueCondition(queue), ...filterConditions(filters, scope), ...extra];
    const [byScope, byResponsible, appealedTo] = jurisdictionArms(scope).map((arm) =>
      db
        .selectFrom('petitions as p')
        .select(['p.id', 'p.due_at'])
        .where((eb) => eb.and([arm, ...armConditions])),
    );
    const accusations = db.selectFrom('petitions as p').select(['p.id', 'p.due_at']).where(accusesReader(scope));
    return byScope!.union(byResponsible!).union(appealedTo!).except(accusations);
  };
  /** Collects every row of `source` (materialized: no ordered index walk), counts them, and sorts out the page. */
  const collected = (source: ReturnType<typeof matchingIds>, from: QueueCursor | undefined, size: number) =>
    db
      .with((cte) => cte('m').materialized(), () => source)
      .with('k', (qb) =>
        qb
          .selectFrom('m')
          .select(['m.id', 'm.due_at'])
          .$if(from !== undefined, (query) => query.where(cursorCondition(from!)))
          .orderBy(sql`m.due_at asc nulls last`)
          .orderBy('m.id')
          .limit(size),
      )
      .selectFrom('k')
      .innerJoin('petitions as p', 'p.id', 'k.id')
      .innerJoin('petitioners as pr', 'pr.id', 'p.petitioner_id')
      .innerJoin('units as h', 'h.id', 'p.hall_unit_id')
      .leftJoin('units as st', 'st.id', 'p.street_unit_id')
      .leftJoin('units as hu', 'hu.id', 'p.handling_unit_id')
      .select(queueColumns)
      .select(searchTexts)
      .select((eb) => eb.selectFrom('m').select((inner) => inner.fn.countAll<string>().as('n')).as('total'))
      .orderBy(sql`k.due_at asc nulls last`)
      .orderBy('k.id')
      .execute();
  type Row = Awaited<ReturnType<ReturnType<typeof named>['execute']>>[number];
  let rows: Row[];
  let total: number;
  let totalIsCapped = false;

  if (!unboundedQueues.has(queue)) {
    const found = await collected(matchingIds([]), after, limit);
    rows = found;
    total = Number(found[0]?.total ?? 0);
    if (found.length === 0 && after) {
      // a page past the end has no row to carry the total
      const counted = await matching.select((eb) => eb.fn.countAll<string>().as('total')).executeTakeFirstOrThrow();
      total = Number(counted.total);
    }
  } else {
    total = await countUpTo(db, scope, queue, filters, cap);
    if (total > cap) [total, totalIsCapped] = [cap, true];
    let dated: Row[] = [];
    if (!after || after.dueAt !== null) {
      const source = matching.where(sql<SqlBool>`p.due_at is not null`);
      if (queue === 'all') {
        // a reader's dated matters lie all along petitions_due_idx: walk it from the cursor (a row comparison, so
        // the scan starts there) until the page is full
        const from = after?.dueAt ? sql<SqlBool>`(p.due_at, p.id) > (${new Date(after.dueAt)}::timestamptz, ${after.id}::uuid)` : sql<SqlBool>`true`;
        dated = await named(source.where(from)).orderBy('p.due_at').orderBy('p.id').limit(limit).execute();
      } else {
        // finished matters seldom have a due date: walking the index would pass every open one, so collect them
        dated = await collected(matchingIds([sql<SqlBool>`p.due_at is not null`]), after, limit);
      }
    }
    rows = dated;
    if (dated.length < limit) {
      const from = after?.dueAt === null ? sql<SqlBool>`p.id > ${after.id}::uuid` : sql<SqlBool>`true`;
      const undated = await named(matching.where(sql<SqlBool>`p.due_at is null`).where(from))
        .orderBy('p.id')
        .limit(limit - dated.length)
        .execute();
      rows = [...dated, ...undated];
    }
  }

  const items = rows.map((row) =>
    QueueItem.parse({
      id: row.id,
      trackingCode: row.tracking_code,
      status: row.status,
      channel: row.channel,
      kioskAssisted: row.kiosk_assisted,
      petitionClass: row.petition_class,
      summary: row.summary,
      petitionerName: row.petitioner_name,
      mobileMasked: row.mobile_masked,
      hallName: row.hall_name,
      streetName: row.street_name,
      handlingUnitName: row.handling_unit_name,
      isCollective: row.is_collective,
      headcount: row.headcount,
      receivedAt: new Date(row.received_at).toISOString(),
      dueAt: row.due_at ? new Date(row.due_at).toISOString() : null,
      light: row.light,
      dueClock: (row.clocks as StoredClocks | null)?.due ?? null,
      version: row.version,
      excerpt: excerptOf(row, filters.search),
    }),
  );
  return { items, total, totalIsCapped };
}

/**
 * With a search: the passage of the content, request or respondent where the words the row does not already show (in
 * its summary, name or tracking code) occur, or null.
 */
function excerptOf(row: { summary: string; petitioner_name: string; tracking_code: string; search_content: string | null; search_request: string | null; search_respondent: string | null }, search: string | undefined): string | null {
  if (!search) return null;
  const missing = wordsNotShown(search, [row.summary, row.petitioner_name, row.tracking_code]);
  return missing ? (searchExcerpt([row.search_content, row.search_request, row.search_respondent], missing) ?? null) : null;
}

/** How many petitions each queue holds for this reader and these filters, in one scan. */
/**
 * How many petitions each queue holds for this reader and these filters. The open-matter queues are counted exactly in
 * one scan of the open matters (status-first indexes); `all` and `finished` grow without end, so they are counted up
 * to `queueTotalCap + 1` (`countUpTo`): a count above the cap means "more than the cap" (the console shows 9999+).
 */
export async function countQueues(db: Executor, scope: ReaderScope, queues: readonly QueueKey[], filters: QueueFilterValues): Promise<Record<string, number>> {
  const openQueues = queues.filter((queue) => !unboundedQueues.has(queue));
  const counts: Record<string, number> = {};
  if (openQueues.length > 0) {
    const conditions = [visibleToReader(scope), sql<SqlBool>`p.status not in (${sql.join(finishedStatuses)})`, ...filterConditions(filters, scope)];
    const columns = openQueues.map((queue) => sql<string>`count(*) filter (where ${queueCondition(queue)})`.as(queue));
    const row = (await db
      .selectFrom('petitions as p')
      .select(columns)
      .where((eb) => eb.and(conditions))
      .executeTakeFirstOrThrow()) as Record<string, string>;
    for (const queue of openQueues) counts[queue] = Number(row[queue] ?? 0);
  }
  for (const queue of queues.filter((candidate) => unboundedQueues.has(candidate))) counts[queue] = await countUpTo(db, scope, queue, filters, queueTotalCap);
  return Object.fromEntries(queues.map((queue) => [queue, counts[queue] ?? 0]));
}
