import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findRepeatCandidates, textSimilarity, type MatterForMatching } from './repeat-matching.ts';

const base: MatterForMatching = {
  petitionId: 'new',
  identityHashes: ['id-hash-1'],
  phoneHashes: ['phone-hash-1'],
  text: '测试小区3栋路灯长期不亮，物业不处理。',
  place: '测试小区',
  respondentUnitIds: ['unit-1'],
};

describe('textSimilarity', () => {
  it.each([
    ['same text', '小区路灯不亮', '小区路灯不亮', 1],
    ['punctuation and spaces ignored', '小区 路灯，不亮！', '小区路灯不亮', 1],
    ['nothing shared', '小区路灯不亮', '工资拖欠问题', 0],
    ['empty', '', '小区路灯不亮', 0],
    ['single characters', '灯', '灯', 1],
  ])('%s', (_, first, second, expected) => {
    expect(textSimilarity(first, second)).toBeCloseTo(expected);
  });

  it('is symmetric and between 0 and 1 (property)', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (first, second) => {
        const similarity = textSimilarity(first, second);
        expect(similarity).toBeGreaterThanOrEqual(0);
        expect(similarity).toBeLessThanOrEqual(1);
        expect(textSimilarity(second, first)).toBeCloseTo(similarity);
      }),
    );
  });
});

describe('findRepeatCandidates', () => {
  const candidates: MatterForMatching[] = [
    { ...base, petitionId: 'same-person-same-matter', status: 'handling' },
    { ...base, petitionId: 'rechecked', status: 'rechecked', text: '测试小区3栋路灯长期不亮，物业一直不处理' },
    { ...base, petitionId: 'same-phone-other-matter', identityHashes: ['other'], text: '工资被拖欠三个月', place: undefined, respondentUnitIds: [] },
    { petitionId: 'neighbour', identityHashes: ['x'], phoneHashes: ['y'], text: '测试小区3栋路灯长期不亮，请尽快修复', place: '测试小区', respondentUnitIds: ['unit-1'] },
    { petitionId: 'unrelated', identityHashes: ['x'], phoneHashes: ['y'], text: '建议增加公交线路' },
    { ...base },
  ];

  it('ranks matches with reasons and leaves out unrelated and the matter itself', () => {
    const suggestions = findRepeatCandidates(base, candidates);
    expect(suggestions.map((suggestion) => suggestion.petitionId)).toEqual(['same-person-same-matter', 'rechecked', 'neighbour']);
    expect(suggestions[0]).toMatchObject({ score: 1, textSimilarity: 1, suggestNotAcceptAgain: false });
    expect(suggestions[0]?.reasons.map((reason) => reason.code)).toEqual(['sameIdentity', 'samePhone', 'similarText', 'samePlace', 'sameRespondent']);
    expect(suggestions[2]?.reasons.map((reason) => reason.code)).toEqual(['similarText', 'samePlace', 'sameRespondent']);
  });

  it('suggests 不再受理 for the same petitioner on a rechecked matter, for a person to confirm', () => {
    const rechecked = findRepeatCandidates(base, candidates).find((suggestion) => suggestion.petitionId === 'rechecked');
    expect(rechecked?.suggestNotAcceptAgain).toBe(true);
  });

  it('honours threshold and limit', () => {
    expect(findRepeatCandidates(base, candidates, { threshold: 0 }).length).toBe(5);
    expect(findRepeatCandidates(base, candidates, { limit: 1 })).toHaveLength(1);
    expect(findRepeatCandidates(base, candidates, { threshold: 0.25 }).some((suggestion) => suggestion.petitionId === 'same-phone-other-matter')).toBe(false);
  });
});
