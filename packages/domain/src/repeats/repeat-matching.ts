import type { BilingualMessage } from '../messages/messages.ts';
import type { PetitionStatus } from '../petition/petition.ts';

/** What repeat matching needs of a matter: keyed hashes (never raw identity numbers), text, place, respondents. */
export interface MatterForMatching {
  readonly petitionId: string;
  /** Keyed hashes of the petitioners' identity numbers. */
  readonly identityHashes: readonly string[];
  /** Keyed hashes of their phone numbers. */
  readonly phoneHashes: readonly string[];
  readonly text: string;
  readonly place?: string | undefined;
  readonly respondentUnitIds?: readonly string[] | undefined;
  readonly status?: PetitionStatus | undefined;
}

export type RepeatReasonCode = 'sameIdentity' | 'samePhone' | 'similarText' | 'samePlace' | 'sameRespondent';

export const repeatReasonLabels = {
  sameIdentity: { zh: '同一信访人（身份证号一致）', en: 'Same petitioner (identity number)' },
  samePhone: { zh: '同一联系电话', en: 'Same phone number' },
  similarText: { zh: '诉求内容相近', en: 'Similar wording' },
  samePlace: { zh: '发生地点相同', en: 'Same place' },
  sameRespondent: { zh: '反映对象相同', en: 'Same respondent' },
} as const satisfies Record<RepeatReasonCode, BilingualMessage>;

export interface RepeatReason {
  readonly code: RepeatReasonCode;
  /** This reason's share of the score. */
  readonly weight: number;
}

/** A suggestion for a person to confirm or dismiss; never an automatic decision. */
export interface RepeatSuggestion {
  readonly petitionId: string;
  /** 0–1, rounded to 2 decimals. */
  readonly score: number;
  readonly reasons: readonly RepeatReason[];
  /** Text similarity, 0–1 (Dice coefficient of character bigrams). */
  readonly textSimilarity: number;
  /** The earlier matter was rechecked and this is the same petitioner on similar facts: suggest 不再受理, for a person to confirm. */
  readonly suggestNotAcceptAgain: boolean;
}

export interface RepeatMatchingOptions {
  /** Suggestions scoring below this are left out. */
  readonly threshold?: number;
  /** Text similarity at or above this counts as similar. */
  readonly similarTextFrom?: number;
  readonly limit?: number;
}

const weights = { sameIdentity: 0.35, samePhone: 0.2, similarText: 0.35, samePlace: 0.05, sameRespondent: 0.05 } as const;

function normaliseText(text: string): string {
  return text.toLowerCase().replace(/[\s\p{P}\p{S}]/gu, '');
}

function bigrams(text: string): Map<string, number> {
  const characters = [...normaliseText(text)];
  const grams = new Map<string, number>();
  const units = characters.length === 1 ? characters : characters.slice(0, -1).map((character, index) => character + (characters[index + 1] ?? ''));
  for (const gram of units) grams.set(gram, (grams.get(gram) ?? 0) + 1);
  return grams;
}

/**
 * Similarity of two texts, 0–1: the Dice coefficient of their character bigrams (works for Chinese without a word splitter).
 * @example textSimilarity('小区路灯不亮', '小区的路灯不亮了') // ≈ 0.67
 */
export function textSimilarity(first: string, second: string): number {
  const a = bigrams(first);
  const b = bigrams(second);
  const sizeA = [...a.values()].reduce((sum, count) => sum + count, 0);
  const sizeB = [...b.values()].reduce((sum, count) => sum + count, 0);
  if (sizeA === 0 || sizeB === 0) return 0;
  let shared = 0;
  for (const [gram, count] of a) shared += Math.min(count, b.get(gram) ?? 0);
  return (2 * shared) / (sizeA + sizeB);
}

function overlaps(first: readonly string[] | undefined, second: readonly string[] | undefined): boolean {
  return (first ?? []).some((item) => (second ?? []).includes(item));
}

/**
 * Earlier matters that may be the same as a new one, best first, each with its reasons. A person confirms;
 * similarity is advice, never an automatic refusal (DOMAIN.md §3).
 * @example findRepeatCandidates(newMatter, earlierMatters)[0] // { petitionId, score: 0.9, reasons: [{ code: 'sameIdentity', … }, …], … }
 */
export function findRepeatCandidates(matter: MatterForMatching, candidates: readonly MatterForMatching[], options: RepeatMatchingOptions = {}): RepeatSuggestion[] {
  const threshold = options.threshold ?? 0.25;
  const similarTextFrom = options.similarTextFrom ?? 0.5;
  const suggestions: RepeatSuggestion[] = [];
  for (const candidate of candidates) {
    if (candidate.petitionId === matter.petitionId) continue;
    const similarity = textSimilarity(matter.text, candidate.text);
    const reasons: RepeatReason[] = [];
    if (overlaps(matter.identityHashes, candidate.identityHashes)) reasons.push({ code: 'sameIdentity', weight: weights.sameIdentity });
    if (overlaps(matter.phoneHashes, candidate.phoneHashes)) reasons.push({ code: 'samePhone', weight: weights.samePhone });
    if (similarity >= similarTextFrom) reasons.push({ code: 'similarText', weight: weights.similarText * similarity });
    if (matter.place !== undefined && candidate.place !== undefined && normaliseText(matter.place) === normaliseText(candidate.place)) {
      reasons.push({ code: 'samePlace', weight: weights.samePlace });
    }
    if (overlaps(matter.respondentUnitIds, candidate.respondentUnitIds)) reasons.push({ code: 'sameRespondent', weight: weights.sameRespondent });
    const score = Math.round(reasons.reduce((sum, reason) => sum + reason.weight, 0) * 100) / 100;
    if (score < threshold) continue;
    const samePetitioner = reasons.some((reason) => reason.code === 'sameIdentity' || reason.code === 'samePhone');
    suggestions.push({
      petitionId: candidate.petitionId,
      score,
      reasons,
      textSimilarity: Math.round(similarity * 100) / 100,
      suggestNotAcceptAgain: candidate.status === 'rechecked' && samePetitioner && similarity >= similarTextFrom,
    });
  }
  suggestions.sort((first, second) => second.score - first.score || first.petitionId.localeCompare(second.petitionId));
  return suggestions.slice(0, options.limit ?? 10);
}
