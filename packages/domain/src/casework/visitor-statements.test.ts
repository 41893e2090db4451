import { describe, expect, it } from 'vitest';
import { appealRequestsOf, evaluationOf, type LoggedEvent } from './visitor-statements.ts';

const at = (day: number) => `2026-12-${String(day).padStart(2, '0')}T02:00:00.000Z`;
const log: LoggedEvent[] = [
  { type: 'registered', occurredAt: at(1), actorRole: 'receptionOfficer', payload: {} },
  { type: 'evaluationRecorded', occurredAt: at(10), actorRole: 'receptionOfficer', payload: { rating: 'basicallySatisfied' } },
  { type: 'evaluationRecorded', occurredAt: at(11), actorRole: 'petitioner', payload: { rating: 'dissatisfied', comment: ' 路灯修好又坏了 ' } },
  { type: 'reviewRequested', occurredAt: at(12), actorRole: 'petitioner', payload: { reviewingUnitId: 'district', reason: '认为物业责任未落实' } },
  { type: 'reviewAnswered', occurredAt: at(20), actorRole: 'departmentHandler', payload: { outcome: 'upheld', text: '维持' } },
  { type: 'recheckRequested', occurredAt: at(22), actorRole: 'receptionOfficer', payload: { recheckingUnitId: 'city', reason: '不服复查意见' } },
  // a payload of an older shape is left out, never guessed at
  { type: 'reviewRequested', occurredAt: at(23), actorRole: 'petitioner', payload: { reason: 42 } },
];

describe('what the visitor said, read from the log', () => {
  it('takes the latest rating, its comment trimmed, and who gave it', () => {
    expect(evaluationOf(log)).toEqual({ rating: 'dissatisfied', comment: '路灯修好又坏了', recordedAt: at(11), byPetitioner: true });
    expect(evaluationOf(log.slice(0, 2))).toEqual({ rating: 'basicallySatisfied', comment: null, recordedAt: at(10), byPetitioner: false });
    expect(evaluationOf(log.slice(0, 1))).toBeUndefined();
  });

  it('lists every review and recheck request with its reason, oldest first', () => {
    expect(appealRequestsOf(log)).toEqual([
      { kind: 'review', reason: '认为物业责任未落实', requestedAt: at(12), unitId: 'district', byPetitioner: true },
      { kind: 'recheck', reason: '不服复查意见', requestedAt: at(22), unitId: 'city', byPetitioner: false },
    ]);
    expect(appealRequestsOf([])).toEqual([]);
  });
});
