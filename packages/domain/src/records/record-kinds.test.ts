import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Role } from '../staff/staff.ts';
import { unitTree, units } from '../testing/fixtures.ts';
import { careFormItems } from './kinds/care-form.kind.ts';
import { isRecordInJurisdiction, roleMayUseRecordKind } from './record-kind.ts';
import { recordKinds } from './record-kinds.ts';

const filledAt = '2026-12-05T09:30:00+08:00';
const answers = (value: number) => Object.fromEntries(careFormItems.map((item) => [item, value]));

describe('every declared kind', () => {
  it.each(Object.entries(recordKinds))('%s: its code name, a label for every field, a layout and list that name every field at most once', (name, kind) => {
    expect(kind.kind).toBe(name);
    const keys = Object.keys(kind.schema.shape).sort();
    expect(Object.keys(kind.fields).sort()).toEqual(keys);
    const laidOut = kind.form.flat();
    expect(new Set(laidOut).size).toBe(laidOut.length);
    for (const key of [...laidOut, ...kind.list.columns]) expect(keys).toContain(key);
    for (const label of [kind.labels, ...Object.values(kind.fields)]) expect(label.zh.length * label.en.length).toBeGreaterThan(0);
  });

  it.each(Object.entries(recordKinds))('%s: health data is for counsellors and their studio head only', (_name, kind) => {
    for (const role of Role.options) {
      for (const operation of ['create', 'read', 'update'] as const) {
        expect(roleMayUseRecordKind(role, kind, operation)).toBe(role === 'counsellor' || role === 'studioHead');
      }
    }
  });
});

describe('care form', () => {
  const kind = recordKinds.careForm;
  it.each([
    [0, 0, 'stable'],
    [1, 7, 'stable'],
    [2, 14, 'attention'],
    [3, 21, 'highRisk'],
  ] as const)('answers all %i → score %i, grade %s', (value, score, grade) => {
    const payload = kind.schema.parse({ visitorName: '张三', consent: 'visitor', filledAt, answers: answers(value) });
    expect(kind.facets(payload)).toEqual({ score, grade });
  });

  it('refuses a form without the visitor’s (or guardian’s) separate consent, and answers outside 0–3', () => {
    expect(kind.schema.safeParse({ visitorName: '张三', filledAt, answers: answers(1) }).error?.issues[0]?.message).toBe('careForm.consentRequired');
    expect(kind.schema.safeParse({ visitorName: '张三', consent: 'visitor', filledAt, answers: answers(4) }).success).toBe(false);
    expect(kind.schema.safeParse({ visitorName: '张三', consent: 'visitor', filledAt, answers: { sleep: 1 } }).success).toBe(false);
  });

  it('grades monotonically: more distress never lowers the grade', () => {
    const order = { stable: 0, attention: 1, highRisk: 2 };
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 3 }), { minLength: careFormItems.length, maxLength: careFormItems.length }), fc.nat(careFormItems.length - 1), (values, bump) => {
        const before = Object.fromEntries(careFormItems.map((item, index) => [item, values[index]!]));
        const after = { ...before, [careFormItems[bump]!]: Math.min(3, values[bump]! + 1) };
        const grade = (given: Record<string, number>) => kind.facets(kind.schema.parse({ visitorName: '甲', consent: 'visitor', filledAt, answers: given })).grade;
        expect(order[grade(after)]).toBeGreaterThanOrEqual(order[grade(before)]);
      }),
    );
  });
});

describe('counselling session', () => {
  const kind = recordKinds.counsellingSession;
  const base = { heldAt: filledAt, stage: 'duringVisit', format: 'individual', subject: 'visitor', personCount: 1 } as const;
  it.each([
    ['an individual visitor session with a name', { ...base, visitorName: '李四', outcomes: ['calmed'] }, true],
    ['a staff session without a name', { ...base, subject: 'staff' }, true],
    ['a staff session with a name (confidential)', { ...base, subject: 'staff', visitorName: '王五' }, false],
    ['a group talk with topic and person-times', { ...base, format: 'group', personCount: 23, topic: '减压沙龙' }, true],
    ['a group talk with a name', { ...base, format: 'group', personCount: 23, visitorName: '赵六' }, false],
    ['zero persons', { ...base, personCount: 0 }, false],
  ] as const)('%s → %s', (_case, input, valid) => {
    expect(kind.schema.safeParse(input).success).toBe(valid);
  });

  it('stores what the studio’s figures count as facets', () => {
    const payload = kind.schema.parse({ ...base, outcomes: ['calmed', 'divertedToLegal'], followUpOn: '2026-12-12' });
    expect(kind.facets(payload)).toMatchObject({ calmed: true, joinedMediation: false, divertedToLegal: true, followUpOn: '2026-12-12', personCount: 1 });
  });
});

describe('record jurisdiction', () => {
  it.each([
    [units.street, units.district, true],
    [units.street, units.street, true],
    [units.district, units.street, false],
    [units.community, units.departmentA, false],
  ] as const)('a record at %s, reader at %s → %s', (recordUnit, readerUnit, expected) => {
    expect(isRecordInJurisdiction(unitTree, recordUnit, readerUnit)).toBe(expected);
  });
});
