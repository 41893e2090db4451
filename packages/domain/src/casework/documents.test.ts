import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NotAcceptReason } from '../petition/not-accept-reason.ts';
import { PetitionAction } from '../workflow/petition-action.ts';
import { DocumentKind, documentKindLabels, documentKindOfAction, documentSerialWords, formatSerialNumber, PetitionDocument } from './documents.ts';

describe('formatSerialNumber', () => {
  it.each([
    ['receipt', 2026, 1, undefined, '福信受〔2026〕0001号'],
    ['receipt', 2026, 7, undefined, '福信受〔2026〕0007号'],
    ['legalGuidance', 2025, 42, undefined, '福信指〔2025〕0042号'],
    ['diversion', 2026, 999, undefined, '福信导〔2026〕0999号'],
    ['notAccepted', 2026, 3, undefined, '福信不受〔2026〕0003号'],
    ['notReaccepted', 2026, 3, undefined, '福信不再受〔2026〕0003号'],
    ['extension', 2027, 1000, undefined, '福信延〔2027〕1000号'],
    ['reply', 2026, 12, undefined, '福信处〔2026〕0012号'],
    ['reviewAnswer', 2026, 5, undefined, '福信复查〔2026〕0005号'],
    ['recheckAnswer', 2026, 5, undefined, '福信复核〔2026〕0005号'],
    // more than 9999 notices of one kind in a year: the number grows, it is never cut
    ['reply', 2026, 12345, undefined, '福信处〔2026〕12345号'],
    ['receipt', 2026, 8, '深信', '深信受〔2026〕0008号'],
  ] as const)('%s %i no. %i (prefix %s) is %s', (kind, year, number, prefix, expected) => {
    expect(formatSerialNumber(kind, year, number, prefix)).toBe(expected);
  });

  it('can be read back: kind, year and number are recoverable, so two notices never share a serial number', () => {
    const wordToKind = new Map<string, string>(Object.entries(documentSerialWords).map(([kind, word]) => [word, kind]));
    expect(wordToKind.size).toBe(DocumentKind.options.length);
    fc.assert(
      fc.property(fc.constantFrom(...DocumentKind.options), fc.integer({ min: 2000, max: 2100 }), fc.integer({ min: 1, max: 99_999 }), (kind, year, number) => {
        const serial = formatSerialNumber(kind, year, number);
        const match = /^福信(.+)〔(\d{4})〕(\d{4,})号$/.exec(serial);
        expect(match).not.toBeNull();
        expect(wordToKind.get(match?.[1] ?? '')).toBe(kind);
        expect(Number(match?.[2])).toBe(year);
        expect(Number(match?.[3])).toBe(number);
      }),
    );
  });
});

describe('documentKindOfAction', () => {
  const expected: Record<PetitionAction, DocumentKind | undefined> = {
    triage: 'legalGuidance',
    divert: 'diversion',
    recordDiversionOutcome: undefined,
    startMediation: undefined,
    concludeMediation: undefined,
    recordJudicialConfirmation: undefined,
    route: undefined,
    acknowledgeReceipt: 'receipt',
    object: undefined,
    recuse: undefined,
    startHandling: undefined,
    requestExtension: undefined,
    approveExtension: 'extension',
    pauseClock: undefined,
    resumeClock: undefined,
    reply: 'reply',
    recordDelivery: undefined,
    correctDelivery: undefined,
    recordEvaluation: undefined,
    requestReview: undefined,
    answerReview: 'reviewAnswer',
    requestRecheck: undefined,
    answerRecheck: 'recheckAnswer',
    close: undefined,
    notAccept: 'notAccepted',
    withdraw: undefined,
    merge: undefined,
  };

  it.each(PetitionAction.options.map((action) => [action, expected[action]] as const))('%s issues %s', (action, kind) => {
    expect(documentKindOfAction(action)).toBe(kind);
  });

  it.each([
    ['outsideScope', 'notAccepted'],
    ['statutoryChannel', 'notAccepted'],
    ['other', 'notAccepted'],
    ['repeatAfterRecheck', 'notReaccepted'],
  ] as const)('a refusal for %s is a %s notice', (reason, kind) => {
    expect(documentKindOfAction('notAccept', reason)).toBe(kind);
  });

  it('ignores a not-accept reason on any other action', () => {
    expect(documentKindOfAction('reply', 'repeatAfterRecheck')).toBe('reply');
    expect(documentKindOfAction('close', 'repeatAfterRecheck')).toBeUndefined();
  });

  it('issues every kind of notice from some action, and each kind has a label and a serial word', () => {
    const issued = new Set(
      PetitionAction.options.flatMap((action) => (action === 'notAccept' ? NotAcceptReason.options.map((reason) => documentKindOfAction(action, reason)) : [documentKindOfAction(action)])),
    );
    issued.delete(undefined);
    expect([...issued].sort()).toEqual([...DocumentKind.options].sort());
    for (const kind of DocumentKind.options) {
      expect(documentKindLabels[kind].zh).toMatch(/书$/);
      expect(documentKindLabels[kind].en.length).toBeGreaterThan(0);
      expect(documentSerialWords[kind].length).toBeGreaterThan(0);
    }
  });
});

describe('PetitionDocument', () => {
  const document = {
    id: '00000000-0000-4000-8000-0000000000d1',
    petitionId: '00000000-0000-4000-8000-0000000000b1',
    kind: 'receipt',
    title: '受理告知书',
    serialNumber: '福信受〔2026〕0001号',
    issuedAt: '2026-11-25T10:00:00+08:00',
    dateText: '2026年11月25日',
    issuingUnitName: '测试区信访局',
    addressee: '演示用户',
    trackingCode: 'TEST-CODE-01',
    summary: '测试用事项：小区路灯长期不亮。',
    receivedOn: '2026-11-24',
    sections: [{ heading: '受理意见', text: '依法予以受理。' }, { text: '特此告知。' }],
  };

  it('accepts an issued notice as the console renders it', () => {
    expect(PetitionDocument.parse(document)).toEqual(document);
  });

  it.each([
    ['an unknown kind', { ...document, kind: 'invoice' }, 'kind'],
    ['a petition id that is not a UUID', { ...document, petitionId: '42' }, 'petitionId'],
    ['a section without text', { ...document, sections: [{ heading: '受理意见' }] }, 'sections'],
    ['no sections at all', { ...document, sections: undefined }, 'sections'],
  ])('refuses %s', (_, input, field) => {
    const result = PetitionDocument.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path[0])).toContain(field);
  });
});
