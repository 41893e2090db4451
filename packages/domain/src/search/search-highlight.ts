import { foldCase, searchWords } from './search-tokens.ts';

/** A piece of displayed text: a match of a query word, or the text between matches. */
export interface HighlightPart {
  text: string;
  match: boolean;
}

/** Start and end (UTF-16 offsets) of every occurrence of any query word, merged where they overlap or touch. */
function matchRanges(text: string, query: string): [number, number][] {
  const haystack = foldCase(text);
  const ranges: [number, number][] = [];
  for (const word of searchWords(query)) {
    for (let from = haystack.indexOf(word); from !== -1; from = haystack.indexOf(word, from + 1)) ranges.push([from, from + word.length]);
  }
  ranges.sort((left, right) => left[0] - right[0]);
  const merged: [number, number][] = [];
  for (const range of ranges) {
    const last = merged.at(-1);
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([...range]);
  }
  return merged;
}

/**
 * A text cut into the query's matches and the text around them, for showing matches marked: the screen renders each
 * part as text (a match inside a `<mark>`), never as HTML. Case-insensitive for ASCII letters, like the search.
 * @example highlightParts('小区电梯故障', '电梯') // [{ text: '小区', match: false }, { text: '电梯', match: true }, { text: '故障', match: false }]
 */
export function highlightParts(text: string, query: string): HighlightPart[] {
  const parts: HighlightPart[] = [];
  let position = 0;
  for (const [start, end] of matchRanges(text, query)) {
    if (start > position) parts.push({ text: text.slice(position, start), match: false });
    parts.push({ text: text.slice(start, end), match: true });
    position = end;
  }
  if (position < text.length || parts.length === 0) parts.push({ text: text.slice(position), match: false });
  return parts;
}

/** Moves an offset off the second half of a surrogate pair, so a cut never splits a character outside the BMP. */
function characterBoundary(text: string, offset: number): number {
  const code = text.charCodeAt(offset);
  return offset > 0 && offset < text.length && code >= 0xdc00 && code <= 0xdfff ? offset - 1 : offset;
}

/**
 * The passage of the first text that contains a query word, around its first match, with "…" where it was cut:
 * shows staff where a matter matched when the match is not in its summary. Undefined when no text contains a word.
 * @example searchExcerpt(['', '小区东门的路灯坏了三个月，晚上出行很不方便'], '路灯', 4) // '…区东门的路灯坏了三个…'
 */
export function searchExcerpt(texts: readonly (string | null | undefined)[], query: string, radius = 30): string | undefined {
  for (const text of texts) {
    if (!text) continue;
    const first = matchRanges(text, query)[0];
    if (!first) continue;
    const start = characterBoundary(text, Math.max(0, first[0] - radius));
    const end = characterBoundary(text, Math.min(text.length, first[1] + radius));
    return `${start > 0 ? '…' : ''}${text.slice(start, end).replace(/\s+/g, ' ')}${end < text.length ? '…' : ''}`;
  }
  return undefined;
}

/**
 * The words of a query that none of the shown texts holds (a result row already shows its summary, name and code):
 * what an excerpt still has to show. Empty when every word is in sight.
 * @example wordsNotShown('欧阳晓峰 钢丝绳 物业', ['小区电梯钢丝绳磨损', '欧阳晓峰']) // '物业'
 */
export function wordsNotShown(query: string, shown: readonly string[]): string {
  const haystacks = shown.map(foldCase);
  return searchWords(query)
    .filter((word) => !haystacks.some((text) => text.includes(word)))
    .join(' ');
}
