import { sql, type Kysely } from 'kysely';

// Frozen in time: never import app code here. Plain SQL that runs on PostgreSQL 15 and PGlite (18).
// Chinese full-text search and the indexes the hot queries need at province scale (see docs/benchmarks.md).
//
// Search: pg_trgm cannot serve 2-character words (most Chinese words), so a petition's text is indexed as its
// characters and adjacent character pairs in a 'simple' tsvector with a GIN index. The tokens live in their own
// table (a petition row stays narrow for queue and indicator scans) and a trigger keeps them current, so every writer
// (kiosk, registration, seed, bulk loaders) gets them without code changes. The function mirrors
// `documentLexemes` in @xinfang/domain/search/search-tokens: ASCII letters folded to lower case, a fixed list of
// separators that no token contains.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create function petition_search_tokens(body text) returns tsvector language sql immutable parallel safe as $$
      select coalesce(array_to_tsvector(array_agg(distinct candidates.lexeme)), ''::tsvector)
      from (select translate(coalesce(body, ''), 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz') as folded) as source,
      lateral (
        select substr(source.folded, position, 1) as lexeme from generate_series(1, length(source.folded)) as position
        union all
        select substr(source.folded, position, 2) from generate_series(1, length(source.folded) - 1) as position
      ) as candidates
      where candidates.lexeme !~ '[ \\t\\n\\r\\f\\v\\u00a0\\u3000]'
    $$`.execute(db);

  await db.schema
    .createTable('petition_search')
    .addColumn('petition_id', 'uuid', (column) => column.primaryKey().references('petitions.id').onDelete('cascade'))
    .addColumn('tokens', sql`tsvector`, (column) => column.notNull())
    .execute();
  await sql`create index petition_search_tokens_idx on petition_search using gin (tokens)`.execute(db);

  await sql`
    create function petition_search_refresh() returns trigger language plpgsql as $$
    begin
      insert into petition_search (petition_id, tokens)
      values (new.id, petition_search_tokens(concat_ws(' ', new.summary, new.content, new.request)))
      on conflict (petition_id) do update set tokens = excluded.tokens;
      return null;
    end;
    $$`.execute(db);
  await sql`create trigger petitions_search_refresh after insert or update of summary, content, request on petitions for each row execute function petition_search_refresh()`.execute(
    db,
  );
  await sql`insert into petition_search (petition_id, tokens) select id, petition_search_tokens(concat_ws(' ', summary, content, request)) from petitions`.execute(db);

  // Indicators count events of one kind over a period (triage, diversion outcome, evaluation, reply).
  await sql`create index petition_events_type_time_idx on petition_events (type, occurred_at) include (petition_id)`.execute(db);
  // Indicators over visits by day of arrival.
  await sql`create index visits_arrived_idx on visits (arrived_at)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index if exists visits_arrived_idx`.execute(db);
  await sql`drop index if exists petition_events_type_time_idx`.execute(db);
  await sql`drop trigger if exists petitions_search_refresh on petitions`.execute(db);
  await sql`drop function if exists petition_search_refresh()`.execute(db);
  await db.schema.dropTable('petition_search').ifExists().execute();
  await sql`drop function if exists petition_search_tokens(text)`.execute(db);
}
