import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PetitionListQuery, PetitionStatus } from '../petition/petition.ts';
import { roleHasPermission } from '../permissions/permissions.ts';
import { Role } from '../staff/staff.ts';
import { roleMayTakeAction } from '../workflow/action-roles.ts';
import type { PetitionAction } from '../workflow/petition-action.ts';
import { actionTargets, finalStatuses, workflowTable } from '../workflow/transitions.ts';
import { finishedStatuses, QueueCounts, QueueItem, QueueKey, queueLabels, QueueQuery, queuesByRole, queueStatuses } from './queues.ts';

const statusQueues = QueueKey.options.filter((queue) => queue !== 'finished' && queueStatuses[queue] !== undefined);
const queuesHolding = (status: PetitionStatus) => QueueKey.options.filter((queue) => (queueStatuses[queue] as readonly string[] | undefined)?.includes(status));

describe('queueStatuses', () => {
  it.each(PetitionStatus.options)('%s is in an open-work queue or is finished, not both', (status) => {
    const open = statusQueues.filter((queue) => (queueStatuses[queue] as readonly string[]).includes(status));
    const finished = (finishedStatuses as readonly string[]).includes(status);
    expect(open.length > 0 || finished).toBe(true);
    expect(open.length > 0 && finished).toBe(false);
  });

  it('finishes exactly the workflow’s final statuses, from which no action moves the matter on', () => {
    expect([...finishedStatuses].sort()).toEqual([...finalStatuses].sort());
    for (const status of finishedStatuses) {
      const actions = workflowTable[status] as readonly PetitionAction[];
      expect(actions.every((action) => actionTargets[action] === undefined)).toBe(true);
    }
  });

  it('puts every open status in one queue, except registered matters (public vs officer registrations)', () => {
    const open = PetitionStatus.options.filter((status) => !(finishedStatuses as readonly string[]).includes(status));
    expect(Object.fromEntries(open.map((status) => [status, queuesHolding(status)]))).toEqual({
      registered: ['pendingRegistration', 'pendingTriage'],
      triaged: ['pendingRouting'],
      objected: ['pendingRouting'],
      routed: ['pendingReceipt'],
      received: ['handling'],
      mediating: ['handling'],
      diverted: ['handling'],
      handling: ['pendingReply'],
      extended: ['pendingReply'],
      replied: ['pendingEvaluation'],
      evaluated: ['pendingEvaluation'],
      reviewRequested: ['appeals'],
      reviewed: ['appeals'],
      recheckRequested: ['appeals'],
      rechecked: ['appeals'],
    });
  });

  it('leaves the cross-cutting queues (due soon, overdue, all) to the light and the jurisdiction', () => {
    expect(queueStatuses.dueSoon).toBeUndefined();
    expect(queueStatuses.overdue).toBeUndefined();
    expect(queueStatuses.all).toBeUndefined();
  });

  it('labels every queue in Chinese and English', () => {
    for (const queue of QueueKey.options) {
      expect(queueLabels[queue].zh).toMatch(/\p{Script=Han}/u);
      expect(queueLabels[queue].en).toMatch(/^[A-Z]/);
    }
  });
});

describe('queuesByRole', () => {
  it.each([
    ['receptionOfficer', ['pendingRegistration', 'pendingTriage', 'pendingRouting', 'pendingEvaluation', 'appeals', 'dueSoon', 'overdue', 'finished', 'all']],
    ['lawyer', ['pendingRegistration', 'pendingTriage', 'handling', 'dueSoon', 'overdue', 'all']],
    ['mediator', ['handling', 'all']],
    ['departmentHandler', ['pendingReceipt', 'handling', 'pendingReply', 'appeals', 'dueSoon', 'overdue', 'all']],
    ['departmentHead', ['pendingReceipt', 'handling', 'pendingReply', 'appeals', 'dueSoon', 'overdue', 'all']],
    ['bureauLeader', ['pendingRouting', 'pendingReceipt', 'pendingReply', 'appeals', 'dueSoon', 'overdue', 'finished', 'all']],
    ['counsellor', ['all']],
    ['statistician', ['all', 'finished']],
  ])('%s works from %j', (role, queues) => {
    expect(queuesByRole[role]).toEqual(queues);
  });

  it('gives a menu, always with `all`, to exactly the roles that may list petitions', () => {
    for (const role of Role.options) {
      const queues = queuesByRole[role];
      expect(queues !== undefined).toBe(roleHasPermission(role, 'petition.list'));
      if (queues) {
        expect(queues).toContain('all');
        expect(new Set(queues).size).toBe(queues.length);
      }
    }
    expect(queuesByRole['administrator']).toBeUndefined();
  });

  it('shows a role only work queues where it can act on some matter they hold', () => {
    for (const [role, queues] of Object.entries(queuesByRole)) {
      for (const queue of queues) {
        const statuses = queueStatuses[queue] as readonly PetitionStatus[] | undefined;
        if (queue === 'finished' || !statuses) continue;
        const actionable = statuses.some((status) => (workflowTable[status] as readonly PetitionAction[]).some((action) => roleMayTakeAction(role as Role, action)));
        expect({ role, queue, actionable }).toEqual({ role, queue, actionable: true });
      }
    }
  });
});

describe('QueueQuery', () => {
  it('defaults to the `all` queue, 20 rows', () => {
    expect(QueueQuery.parse({})).toEqual({ queue: 'all', limit: 20 });
  });

  it('accepts filters and a cursor, trimming the search text', () => {
    const parsed = QueueQuery.parse({
      queue: 'overdue',
      limit: 100,
      light: 'red',
      channel: 'letter',
      petitionClass: 'suggestion',
      receivedFrom: '2026-01-01',
      receivedTo: '2026-12-31',
      search: '  电梯  ',
      after: { dueAt: null, id: '00000000-0000-4000-8000-000000000001' },
    });
    expect(parsed).toMatchObject({ queue: 'overdue', limit: 100, search: '电梯', after: { dueAt: null } });
  });

  it.each([
    ['an unknown queue', { queue: 'inbox' }, 'queue'],
    ['a zero limit', { limit: 0 }, 'limit'],
    ['a limit over 100', { limit: 101 }, 'limit'],
    ['a fractional limit', { limit: 2.5 }, 'limit'],
    ['a search of 51 characters', { search: '查'.repeat(51) }, 'search'],
    ['an impossible day', { receivedFrom: '2026-02-30' }, 'receivedFrom'],
    ['an unknown light', { light: 'blue' }, 'light'],
    ['a cursor without a UUID', { after: { dueAt: null, id: 'last' } }, 'after'],
    ['a street that is not a UUID', { streetUnitId: '440304001000' }, 'streetUnitId'],
    ['a search with a NUL character', { search: '电梯\u0000' }, 'search'],
    ['a search with a terminal escape', { search: '\u001b[2J电梯' }, 'search'],
    ['a search with half a surrogate pair', { search: '电梯\udbff' }, 'search'],
    ['a cursor whose due time is junk', { after: { dueAt: 'junk', id: '00000000-0000-4000-8000-000000000001' } }, 'after'],
    ['a cursor whose due time is a bare day', { after: { dueAt: '2026-01-01', id: '00000000-0000-4000-8000-000000000001' } }, 'after'],
    ['a cursor whose due time is in year 0 (PostgreSQL refuses it)', { after: { dueAt: '0000-01-01T00:00:00Z', id: '00000000-0000-4000-8000-000000000001' } }, 'after'],
    ['a cursor whose due time has an impossible offset', { after: { dueAt: '2026-01-01T00:00:00+23:59', id: '00000000-0000-4000-8000-000000000001' } }, 'after'],
    ['a cursor whose due time is a number', { after: { dueAt: 1767225600000, id: '00000000-0000-4000-8000-000000000001' } }, 'after'],
    ['a cursor with a NUL in its id', { after: { dueAt: null, id: '00000000-0000-4000-8000-00000000000\u0000' } }, 'after'],
  ])('refuses %s', (_, input, field) => {
    const result = QueueQuery.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path[0])).toContain(field);
  });

  it('keeps a search with rare characters beyond the BMP and a cursor the server itself wrote', () => {
    const dueAt = new Date('2026-03-01T16:00:00Z').toISOString();
    expect(QueueQuery.parse({ search: ' 𪚥 ', after: { dueAt, id: '00000000-0000-4000-8000-000000000001' } })).toMatchObject({ search: '𪚥', after: { dueAt } });
  });

  it('accepts every cursor the server writes (an instant from the database, as an ISO string) and refuses any other string', () => {
    const id = '00000000-0000-4000-8000-000000000001';
    fc.assert(
      fc.property(fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('9999-12-31T23:59:59Z'), noInvalidDate: true }), (date) => {
        expect(QueueQuery.safeParse({ after: { dueAt: date.toISOString(), id } }).success).toBe(true);
        expect(PetitionListQuery.safeParse({ after: { receivedAt: date.toISOString(), id } }).success).toBe(true);
      }),
    );
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 30 }), (junk) => {
        fc.pre(Number.isNaN(Date.parse(junk)));
        expect(QueueQuery.safeParse({ after: { dueAt: junk, id } }).success).toBe(false);
        expect(PetitionListQuery.safeParse({ after: { receivedAt: junk, id } }).success).toBe(false);
      }),
    );
  });
});

describe('PetitionListQuery', () => {
  it.each([
    ['junk', 'junk'],
    ['a day without a time', '2026-01-01'],
    ['an impossible date', '2026-02-30T00:00:00Z'],
    ['year 0', '0000-01-01T00:00:00Z'],
    ['a NUL character', '2026-01-01T00:00:00Z\u0000'],
  ])('refuses a cursor whose received time is %s', (_, receivedAt) => {
    const result = PetitionListQuery.safeParse({ after: { receivedAt, id: '00000000-0000-4000-8000-000000000001' } });
    expect(result.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['after.receivedAt']);
  });
});

describe('queue output schemas', () => {
  const item = {
    id: '00000000-0000-4000-8000-0000000000b1',
    trackingCode: 'TEST-CODE-01',
    status: 'routed',
    channel: 'visit',
    kioskAssisted: false,
    petitionClass: null,
    summary: '测试用事项',
    petitionerName: '演示用户',
    mobileMasked: '199****0001',
    hallName: '测试区信访局',
    streetName: null,
    handlingUnitName: '测试部门',
    isCollective: false,
    headcount: 1,
    receivedAt: '2026-11-24T09:00:00+08:00',
    dueAt: '2026-12-09T15:59:59.999Z',
    light: 'green',
    dueClock: { kind: 'receiptNotice', explanation: { zh: '法定期限', en: 'Statutory limit' } },
    version: 3,
  };

  it('accepts a queue row and refuses one with an unknown status', () => {
    expect(QueueItem.parse(item)).toEqual({ ...item, excerpt: null });
    expect(QueueItem.parse({ ...item, excerpt: '…小区电梯…' }).excerpt).toBe('…小区电梯…');
    expect(QueueItem.safeParse({ ...item, status: 'lost' }).success).toBe(false);
  });

  it('counts every queue: a count missing for one queue is refused', () => {
    const counts = Object.fromEntries(QueueKey.options.map((queue, index) => [queue, index]));
    expect(QueueCounts.parse(counts)).toEqual(counts);
    const { all: _all, ...withoutAll } = counts;
    expect(QueueCounts.safeParse(withoutAll).success).toBe(false);
    expect(QueueCounts.safeParse({ ...counts, all: 1.5 }).success).toBe(false);
  });
});
