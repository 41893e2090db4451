import { sql, type Kysely } from 'kysely';

// Frozen in time: never import app code here. Plain SQL that runs on PostgreSQL 15 and PGlite (18).
// Staff search a matter also by whom it is about (respondent, 反映谁), its tracking code and the filer's name, not
// only by its summary, content and request. The tokens (petition_search_tokens, unchanged) now cover
//   concat_ws(' ', summary, content, request, respondent, tracking_code, <the filer's name>)
// — the order of `petitionSearchText` in @xinfang/domain/search/search-tokens. The name is indexed for every matter:
// whether a reader may match on it (an accuser's name needs accuser.view) is decided by the search's re-check, never
// by the index, which only pre-selects candidates. The filer's name lives on `petitioners`, so a rename refreshes the
// tokens of that person's matters too.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create or replace function petition_search_refresh() returns trigger language plpgsql as $$
    begin
      insert into petition_search (petition_id, tokens)
      values (
        new.id,
        petition_search_tokens(concat_ws(' ', new.summary, new.content, new.request, new.respondent, new.tracking_code,
          (select name from petitioners where id = new.petitioner_id)))
      )
      on conflict (petition_id) do update set tokens = excluded.tokens;
      return null;
    end;
    $$`.execute(db);
  await sql`drop trigger if exists petitions_search_refresh on petitions`.execute(db);
  await sql`create trigger petitions_search_refresh after insert or update of summary, content, request, respondent, tracking_code, petitioner_id on petitions for each row execute function petition_search_refresh()`.execute(
    db,
  );

  await sql`
    create function petitioner_search_refresh() returns trigger language plpgsql as $$
    begin
      update petition_search s
      set tokens = petition_search_tokens(concat_ws(' ', p.summary, p.content, p.request, p.respondent, p.tracking_code, new.name))
      from petitions p
      where p.petitioner_id = new.id and s.petition_id = p.id;
      return null;
    end;
    $$`.execute(db);
  await sql`create trigger petitioners_search_refresh after update of name on petitioners for each row when (old.name is distinct from new.name) execute function petitioner_search_refresh()`.execute(
    db,
  );

  await sql`
    update petition_search s
    set tokens = petition_search_tokens(concat_ws(' ', p.summary, p.content, p.request, p.respondent, p.tracking_code, pr.name))
    from petitions p join petitioners pr on pr.id = p.petitioner_id
    where s.petition_id = p.id`.execute(db);
  await sql`
    insert into petition_search (petition_id, tokens)
    select p.id, petition_search_tokens(concat_ws(' ', p.summary, p.content, p.request, p.respondent, p.tracking_code, pr.name))
    from petitions p join petitioners pr on pr.id = p.petitioner_id
    where not exists (select 1 from petition_search s where s.petition_id = p.id)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop trigger if exists petitioners_search_refresh on petitioners`.execute(db);
  await sql`drop function if exists petitioner_search_refresh()`.execute(db);
  await sql`
    create or replace function petition_search_refresh() returns trigger language plpgsql as $$
    begin
      insert into petition_search (petition_id, tokens)
      values (new.id, petition_search_tokens(concat_ws(' ', new.summary, new.content, new.request)))
      on conflict (petition_id) do update set tokens = excluded.tokens;
      return null;
    end;
    $$`.execute(db);
  await sql`drop trigger if exists petitions_search_refresh on petitions`.execute(db);
  await sql`create trigger petitions_search_refresh after insert or update of summary, content, request on petitions for each row execute function petition_search_refresh()`.execute(
    db,
  );
  await sql`
    update petition_search s
    set tokens = petition_search_tokens(concat_ws(' ', p.summary, p.content, p.request))
    from petitions p
    where s.petition_id = p.id`.execute(db);
}
