import { randomUUID } from 'node:crypto';
import { documentLexemes, petitionSearchText, tsvectorText } from '@xinfang/domain/search/search-tokens';
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

interface PetitionFields {
  summary: string;
  content: string;
  request?: string | null;
  respondent?: string | null;
  name?: string;
  petitionClass?: string | null;
  street?: boolean;
  receivedAt?: Date;
}

async function insertPetition(fields: PetitionFields): Promise<string> {
  const id = randomUUID();
  const petitioner = await test.db
    .insertInto('petitioners')
    .values({ kind: 'person', name: fields.name ?? '合成信访人' })
    .returning('id')
    .executeTakeFirstOrThrow();
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
      respondent: fields.respondent ?? null,
      petition_class: fields.petitionClass ?? null,
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

/**
 * Ids a plain LIKE scan finds: the reference the index must never miss. The filer's name counts unless the matter is
 * an accusation and the reader may not see accusers.
 */
async function likeScan(word: string, mayViewAccusers = true): Promise<string[]> {
  const pattern = `%${word.replace(/[\\%_]/g, (match) => `\\${match}`)}%`;
  const fold = (text: string) => sql.raw(`translate(${text}, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')`);
  const rows = await sql<{ id: string }>`
    select p.id from petitions p join petitioners pr on pr.id = p.petitioner_id
    where ${fold("concat_ws(' ', p.summary, p.content, p.request, p.respondent, p.tracking_code)")} like ${pattern}
      or ((${mayViewAccusers} or p.petition_class is distinct from 'accusation') and ${fold('pr.name')} like ${pattern})
  `.execute(test.db);
  return rows.rows.map((row) => row.id).sort();
}

/** A reader at the district (or a unit path under it), accused by nothing in this fixture. */
function readerAt(unitPath: string, mayViewAccusers = true): ReaderScope {
  return { unitPath, unitId: districtId, firewall: { staffId: randomUUID(), coveringUnitIds: [districtId] }, mayViewAccusers };
}

async function search(text: string, scopePath = '/990001/', candidateLimit?: number, mayViewAccusers = true): Promise<string[]> {
  const reader = readerAt(scopePath, mayViewAccusers);
  const rows = await searchPetitions(test.db, { reader, text, limit: 1000 }, candidateLimit === undefined ? {} : { candidateLimit });
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
    await insertPetition({
      summary: text(3 + (index % 5)),
      content: text(5 + (index % 23)),
      request: index % 3 === 0 ? text(4) : null,
      respondent: index % 4 === 0 ? text(3) : null,
      name: index % 5 === 0 ? text(3) : '合成信访人',
      petitionClass: index % 7 === 0 ? 'accusation' : null,
      street: index % 2 === 0,
    });
  }
  for (const [index, content] of realistic.entries()) {
    realisticIds.push(await insertPetition({ summary: content.slice(0, 8), content, street: index % 2 === 0 }));
  }
}, 60_000);

describe('petition search tokens', () => {
  it('are written by the trigger exactly as documentLexemes computes them', async () => {
    const rows = await sql<{ summary: string; content: string; request: string | null; respondent: string | null; tracking_code: string; name: string; lexemes: string[] }>`
      select p.summary, p.content, p.request, p.respondent, p.tracking_code, pr.name, array(select lexeme from unnest(s.tokens)) as lexemes
      from petitions p join petition_search s on s.petition_id = p.id join petitioners pr on pr.id = p.petitioner_id
    `.execute(test.db);
    expect(rows.rows.length).toBe(60 + realistic.length);
    for (const row of rows.rows) {
      const text = petitionSearchText({ ...row, trackingCode: row.tracking_code, filerName: row.name });
      expect([...row.lexemes].sort()).toEqual([...documentLexemes(text)].sort());
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

describe('petition search tokens of the filer’s name', () => {
  it('follow a rename of the filer', async () => {
    const id = await insertPetition({ summary: '改名前后', content: '内容', name: '旧名字甲' });
    const { petitioner_id } = await test.db.selectFrom('petitions').select('petitioner_id').where('id', '=', id).executeTakeFirstOrThrow();
    expect(await search('旧名字甲')).toEqual([id]);
    await test.db.updateTable('petitioners').set({ name: '新名字乙' }).where('id', '=', petitioner_id).execute();
    expect(await search('新名字乙')).toEqual([id]);
    expect(await search('旧名字甲')).toEqual([]);
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
    const scans = await Promise.all(words.map((word) => likeScan(word)));
    expect(found).toEqual(scans.reduce((common, ids) => common.filter((id) => ids.includes(id))));
  });

  it.each([
    ['index candidates', undefined],
    ['newest-first walk (frequent words)', 0],
    ['either, at the crossover', 5],
  ] as const)('never misses a match a LIKE scan finds, and finds nothing more (1 to 4 characters): %s', async (_path, candidateLimit) => {
    const wordCharacter = fc.constantFrom(...alphabet.filter((character) => character.trim() !== ''));
    await fc.assert(
      fc.asyncProperty(fc.array(wordCharacter, { minLength: 1, maxLength: 4 }), fc.boolean(), async (characters, mayViewAccusers) => {
        const word = characters.join('');
        const folded = word.replace(/[A-Z]/g, (letter) => letter.toLowerCase());
        expect(await search(word, '/990001/', candidateLimit, mayViewAccusers)).toEqual(await likeScan(folded, mayViewAccusers));
      }),
      { numRuns: 60, seed: 7 },
    );
  });

  it('finds a matter by whom it is about, what the visitor wants, its tracking code and its filer’s name', async () => {
    const claim = await insertPetition({ summary: '物业不作为', content: '楼道灯坏了没人修', request: '请督促维修楼道灯', respondent: '某某物业服务公司', name: '王小明' });
    const accusation = await insertPetition({ summary: '反映公职人员问题', content: '办事吃拿卡要', respondent: '某街道办工作人员', name: '李检举', petitionClass: 'accusation' });
    const code = await test.db.selectFrom('petitions').select('tracking_code').where('id', '=', claim).executeTakeFirstOrThrow();
    expect(await search('物业服务')).toEqual([claim]);
    expect(await search('督促维修')).toEqual([claim]);
    expect(await search(code.tracking_code.toLowerCase())).toEqual([claim]);
    expect(await search('王小明')).toEqual([claim]);
    expect(await search('王小明 楼道灯')).toEqual([claim]);
    expect(await search('某街道办')).toEqual([accusation]);
    // an accuser's name matches only for a reader who may see accusers (accuser.view); the matter's text for anyone
    expect(await search('李检举')).toEqual([accusation]);
    expect(await search('李检举', '/990001/', undefined, false)).toEqual([]);
    expect(await search('李检举 吃拿卡要', '/990001/', undefined, false)).toEqual([]);
    expect(await search('吃拿卡要', '/990001/', undefined, false)).toEqual([accusation]);
    expect(await search('王小明', '/990001/', 0, false)).toEqual([claim]);
    expect(await search('李检举', '/990001/', 0, false)).toEqual([]);
    await test.db.deleteFrom('petitions').where('id', 'in', [claim, accusation]).execute();
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
