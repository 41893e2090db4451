/** The fields of a petition its search tokens are made of, in the order the SQL trigger joins them. */
export interface PetitionSearchFields {
  summary: string;
  content: string;
  /** What the visitor wants (希望怎样解决). */
  request?: string | null | undefined;
  /** Whom the matter is about, as the visitor wrote it (反映谁). */
  respondent?: string | null | undefined;
  trackingCode?: string | null | undefined;
  /** The filer's name: indexed for every matter; a search shows a match on it only to those who may see the filer. */
  filerName?: string | null | undefined;
}

/**
 * The text a petition is searched by: summary, content, request, respondent, tracking code and the filer's name,
 * joined by a space (which no token contains, so no token spans two fields). Mirrors the trigger of migration
 * 20261205100000_search_more_fields.
 * @example petitionSearchText({ summary: '路灯不亮', content: '小区路灯', request: null }) // '路灯不亮 小区路灯'
 */
export function petitionSearchText(fields: PetitionSearchFields): string {
  return [fields.summary, fields.content, fields.request, fields.respondent, fields.trackingCode, fields.filerName]
    .filter((part): part is string => part !== null && part !== undefined)
    .join(' ');
}

/**
 * Separators no lexeme contains. A fixed list (not `\s`), so that JavaScript and both database engines agree; the
 * SQL function uses the same list.
 */
const separatorRun = /[ \t\n\r\f\v\u00a0\u3000]+/u;

/**
 * Lower-cases ASCII letters only: PostgreSQL's `lower()` depends on the database locale (PGlite runs with `C`), so
 * both sides fold A–Z alone.
 * @example foldCase('ABC路灯') // 'abc路灯'
 */
export function foldCase(text: string): string {
  return text.replace(/[A-Z]/g, (letter) => letter.toLowerCase());
}

const separators = new Set<string>([' ', '\t', '\n', '\r', '\f', '\v', '\u00a0', '\u3000']);

/** The lexemes of a text, unordered (the hot path of bulk loaders). */
function lexemeSet(text: string): Set<string> {
  const characters = [...foldCase(text)];
  const lexemes = new Set<string>();
  for (let index = 0; index < characters.length; index++) {
    const character = characters[index]!;
    if (separators.has(character)) continue;
    lexemes.add(character);
    const next = characters[index + 1];
    if (next !== undefined && !separators.has(next)) lexemes.add(character + next);
  }
  return lexemes;
}

/**
 * The index lexemes of a text: every character and every pair of adjacent characters (by code point) of the
 * case-folded text, leaving out any containing a separator; sorted and without duplicates. Mirrors the SQL function
 * `petition_search_tokens` of the search migration.
 * @example documentLexemes('路灯 不亮') // ['不', '不亮', '亮', '灯', '路', '路灯']
 */
export function documentLexemes(text: string): string[] {
  return [...lexemeSet(text)].sort(compareLexemes);
}

/**
 * The words of a query: split on white space, case-folded, duplicates removed.
 * @example searchWords(' 电梯  维修 电梯') // ['电梯', '维修']
 */
export function searchWords(text: string): string[] {
  return [...new Set(foldCase(text).split(separatorRun).filter((word) => word.length > 0))];
}

/**
 * The lexemes a word needs in the index: its bigrams, or the word itself when it is one character.
 * @example wordLexemes('拖欠工资') // ['拖欠', '欠工', '工资']
 */
export function wordLexemes(word: string): string[] {
  const characters = [...foldCase(word)];
  if (characters.length === 1) return characters;
  const lexemes: string[] = [];
  for (let index = 0; index + 1 < characters.length; index++) lexemes.push(characters[index]! + characters[index + 1]!);
  return [...new Set(lexemes)];
}

/** A lexeme quoted for PostgreSQL's tsvector/tsquery input syntax (no parsing, no stemming). */
function quoteLexeme(lexeme: string): string {
  if (!lexeme.includes("'") && !lexeme.includes('\\')) return `'${lexeme}'`;
  return `'${lexeme.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}

/**
 * A query's words as tsquery input text (`'ab' & 'bc'`), for `tokens @@ $1::tsquery`; undefined when there is no word.
 * @example tsqueryText('拖欠工资') // "'拖欠' & '欠工' & '工资'"
 */
export function tsqueryText(text: string): string | undefined {
  const lexemes = [...new Set(searchWords(text).flatMap(wordLexemes))];
  return lexemes.length === 0 ? undefined : lexemes.map(quoteLexeme).join(' & ');
}

/**
 * A text's lexemes as tsvector input text (in no particular order: PostgreSQL sorts them), for bulk loaders that
 * write the index table themselves.
 * @example tsvectorText('路灯') // "'路' '路灯' '灯'"
 */
export function tsvectorText(text: string): string {
  let output = '';
  for (const lexeme of lexemeSet(text)) output += output === '' ? quoteLexeme(lexeme) : ` ${quoteLexeme(lexeme)}`;
  return output;
}

/**
 * Whether a text contains every word of a query (case-insensitive): what the index pre-selects for.
 * @example matchesAllWords('小区路灯不亮', '路灯 不亮') // true
 */
export function matchesAllWords(text: string, query: string): boolean {
  const haystack = foldCase(text);
  return searchWords(query).every((word) => haystack.includes(word));
}

/** Code-point order, like PostgreSQL's tsvector sorts lexemes (by bytes; UTF-8 byte order is code-point order). */
function compareLexemes(left: string, right: string): number {
  const a = [...left].map((character) => character.codePointAt(0)!);
  const b = [...right].map((character) => character.codePointAt(0)!);
  for (let index = 0; index < Math.min(a.length, b.length); index++) {
    if (a[index] !== b[index]) return a[index]! - b[index]!;
  }
  return a.length - b.length;
}
