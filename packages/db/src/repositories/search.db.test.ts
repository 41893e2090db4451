import { randomUUID } from 'node:crypto';
import { documentLexemes, tsvectorText } from '@xinfang/domain/search/search-tokens';
import fc from 'fast-check';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { createSeededRandom } from '../seed/demo-seed.ts';
import { useTestDatabase } from '../testing/test-database.ts';
import type { ReaderScope } from './petition-visibility.ts';
import { searchPetitions } from './search.ts';

const test = useTestDatabase();

// A small alphabet (with an ASCII letter in both cases and the separators) so that random words often occur.
const alphabet = ['路', '灯', '电', '梯', '不', '亮', '工', '资', 'A', 'a', 'b', ' ', '　', '\n', '𠀋'];
const realistic = [
  '小区电梯长期故障无人维修，物业不予处理',
  '公司拖欠三个月工资，要求协调支付',
  '商铺噪音扰民，夜间施工影响休息',
  '预付卡商家关门，要求退款。ABC公司',
];

let districtId = '';
let streetId = '';
let districtUnitId = '';
const realisticIds: string[] = [];

async function insertPetition(fields: { summary: string; content: string; request?: string | null; street?: boolean; receivedAt?: Date }): Promise<string> {
  const id = randomUUID();
  const petitioner = await test.db.insertInto('petitioners').values({ kind: 'person', name: '合成信访人' }).returning('id').executeTakeFirstOrThrow();
  const at = fields.receivedAt ?? new Date();
  await test.db
    .insertInto('petitions')
    .values({
      id,
      tracking_code: `SEARCH-${id.slice(0, 8)}`,
      status: 'registered',
      channel: 'online',
      summary: fields.summary,
      content: fields.content,
      request: fields.request ?? null,
      petitioner_id: petitioner.id,
      hall_unit_id: districtUnitId,
      scope_path: fields.street ? '/990001/990001001000/' : '/990001/',
      received_at: at,
      registered_at: at,
      updated_at: at,
    })
    .execute();
  return id;
}

/** Ids a plain LIKE scan finds: the reference the index must never miss. */
async function likeScan(word: string): Promise<string[]> {
  const pattern = `%${word.replace(/[\\%_]/g, (match) => `\\${match}`)}%`;
  const rows = await sql<{ id: string }>`
    select id from petitions
    where translate(concat_ws(' ', summary, content, request), 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz') like ${pattern}
  `.execute(test.db);
  return rows.rows.map((row) => row.id).sort();
}

/** A reader at the district (or a unit path under it), accused by nothing in this fixture. */
function readerAt(unitPath: string): ReaderScope {
  return { unitPath, unitId: districtId, firewall: { staffId: randomUUID(), coveringUnitIds: [districtId] } };
}

async function search(text: string, scopePath = '/990001/', candidateLimit?: number): Promise<string[]> {
  const rows = await searchPetitions(test.db, { reader: readerAt(scopePath), text, limit: 1000 }, candidateLimit === undefined ? {} : { candidateLimit });
  return rows.map((row) => row.id).sort();
}

beforeAll(async () => {
  const district = await test.db.insertInto('units').values({ code: '990001', kind: 'district', name_zh: '合成区', name_en: 'Synthetic District', path: '/990001/' }).returning('id').executeTakeFirstOrThrow();
  districtId = district.id;
  districtUnitId = district.id;
  const street = await test.db
    .insertInto('units')
    .values({ code: '990001001000', kind: 'street', name_zh: '合成街道', name_en: 'Synthetic Street', parent_id: district.id, path: '/990001/990001001000/' })
    .returning('id')
    .executeTakeFirstOrThrow();
  streetId = street.id;
  const random = createSeededRandom(20261125);
  const text = (length: number) => Array.from({ length }, () => alphabet[Math.floor(random() * alphabet.length)]!).join('');
  for (let index = 0; index < 60; index++) {
    await insertPetition({ summary: text(3 + (index % 5)), content: text(5 + (index % 23)), request: index % 3 === 0 ? text(4) : null, street: index % 2 === 0 });
  }
  for (const [index, content] of realistic.entries()) {
    realisticIds.push(await insertPetition({ summary: content.slice(0, 8), content, street: index % 2 === 0 }));
  }
}, 60_000);

describe('petition search tokens', () => {
  it('are written by the trigger exactly as documentLexemes computes them', async () => {
    const rows = await sql<{ text: string; lexemes: string[] }>`
      select concat_ws(' ', p.summary, p.content, p.request) as text, array(select lexeme from unnest(s.tokens)) as lexemes
      from petitions p join petition_search s on s.petition_id = p.id
    `.execute(test.db);
    expect(rows.rows.length).toBe(60 + realistic.length);
    for (const row of rows.rows) {
      expect([...row.lexemes].sort()).toEqual([...documentLexemes(row.text)].sort());
    }
  });

  it('as written by bulk loaders (tsvectorText) equal the SQL function’s', async () => {
    const texts = [...realistic, "it's a \\ back'slash", 'ABC　abc\n𠀋'];
    for (const text of texts) {
      const result = await sql<{ same: boolean }>`select ${tsvectorText(text)}::tsvector = petition_search_tokens(${text}) as same`.execute(test.db);
      expect(result.rows[0]?.same, text).toBe(true);
    }
  });

  it('follow an update of the text', async () => {
    const id = await insertPetition({ summary: '原来的摘要', content: '原来的内容' });
    await test.db.updateTable('petitions').set({ content: '改过的内容：噪声扰民' }).where('id', '=', id).execute();
    expect(await search('噪声')).toContain(id);
    expect(await search('原来的内容')).not.toContain(id);
    await test.db.deleteFrom('petition_search').where('petition_id', '=', id).execute();
    await test.db.deleteFrom('petitions').where('id', '=', id).execute();
  });
});

describe('searchPetitions', () => {
  it.each([
    ['电梯', 1],
    ['拖欠', 1],
    ['噪音扰', 1],
    ['梯长期', 1],
    ['长期故障', 1],
    ['要求', 2],
    ['退款', 1],
    ['abc公司', 1],
    ['电梯 维修', 1],
    ['电梯 工资', 0],
    ['电修', 0],
    ['长故', 0],
  ] as const)('finds %s in %i realistic matter(s), as a LIKE scan does', async (text, count) => {
    const found = await search(text);
    expect(found.filter((id) => realisticIds.includes(id))).toHaveLength(count);
    const words = text.toLowerCase().split(' ');
    const scans = await Promise.all(words.map(likeScan));
    expect(found).toEqual(scans.reduce((common, ids) => common.filter((id) => ids.includes(id))));
  });

  it.each([
    ['index candidates', undefined],
    ['newest-first walk (frequent words)', 0],
    ['either, at the crossover', 5],
  ] as const)('never misses a match a LIKE scan finds, and finds nothing more (1 to 4 characters): %s', async (_path, candidateLimit) => {
    const wordCharacter = fc.constantFrom(...alphabet.filter((character) => character.trim() !== ''));
    await fc.assert(
      fc.asyncProperty(fc.array(wordCharacter, { minLength: 1, maxLength: 4 }), async (characters) => {
        const word = characters.join('');
        expect(await search(word, '/990001/', candidateLimit)).toEqual(await likeScan(word.replace(/[A-Z]/g, (letter) => letter.toLowerCase())));
      }),
      { numRuns: 60, seed: 7 },
    );
  });

  it('keeps to the reader’s jurisdiction', async () => {
    const all = await search('路');
    const street = await search('路', '/990001/990001001000/');
    expect(street.length).toBeGreaterThan(0);
    expect(street.length).toBeLessThan(all.length);
    const streetRows = await test.db.selectFrom('petitions').select('id').where('scope_path', 'like', '/990001/990001001000/%').execute();
    const inStreet = new Set(streetRows.map((row) => row.id));
    expect(street.every((id) => inStreet.has(id))).toBe(true);
    expect(streetId).not.toBe('');
  });

  it('returns newest first and at most limit + 1 rows', async () => {
    const rows = await searchPetitions(test.db, { reader: readerAt('/990001/'), text: '路', limit: 3 });
    expect(rows).toHaveLength(4);
    const times = rows.map((row) => new Date(row.received_at).getTime());
    expect([...times].sort((a, b) => b - a)).toEqual(times);
  });

  it('finds nothing for a query of separators only', async () => {
    expect(await search('　 ')).toEqual([]);
  });
});
