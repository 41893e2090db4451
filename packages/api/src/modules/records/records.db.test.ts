import { TRPCError } from '@trpc/server';
import { demoAccounts, seedDemoData } from '@xinfang/db/seed';
import { createTestKeys, useTestDatabase } from '@xinfang/db/testing';
import { Role } from '@xinfang/domain/staff';
import { hashPassword } from '@xinfang/security/password';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestContext } from '../../testing/test-context.ts';

const test = useTestDatabase();
const keys = createTestKeys();
type Caller = ReturnType<typeof createTestContext>['caller'];
const callers = new Map<Role, Caller>();
// a unique string in every free-text field: it must reach no one but the studio
const canary = `CANARY-${Math.random().toString(36).slice(2, 10)}`;

async function signedIn(username: string, password: string): Promise<Caller> {
  const { caller } = createTestContext(test.db, keys);
  await caller.auth.signIn({ username, password });
  return caller;
}

const answers = (value: number) => ({ sleep: value, mood: value, anger: value, hopelessness: value, physicalTension: value, supportNetwork: value, selfHarmThoughts: value });

beforeAll(async () => {
  await seedDemoData(test.db, { now: new Date(), keys, hashPassword, petitions: 4 });
  for (const role of Role.options) {
    const account = demoAccounts.find((candidate) => candidate.role === role)!;
    callers.set(role, await signedIn(account.username, account.password));
  }
}, 120_000);

describe('records: a kind declared once, stored, versioned, audited', () => {
  it('creates a care form at the counsellor’s unit, grades it from the answers, and keeps who changed which fields', async () => {
    const counsellor = callers.get('counsellor')!;
    const made = await counsellor.records.careForm.create({ visitorName: `来访人${canary}`, consent: 'visitor', filledAt: '2026-12-05T10:00:00+08:00', answers: answers(3), notes: canary });
    expect(made).toMatchObject({ kind: 'careForm', version: 1, facets: { score: 21, grade: 'highRisk' } });
    expect(made.payload.answers.selfHarmThoughts).toBe(3);
    const updated = await counsellor.records.careForm.update({ id: made.id, expectedVersion: 1, payload: { ...made.payload, answers: answers(1) } });
    expect(updated).toMatchObject({ version: 2, facets: { score: 7, grade: 'stable' } });
    expect(updated.history.map((event) => [event.type, event.fields])).toEqual([
      ['created', expect.arrayContaining(['visitorName', 'answers', 'notes'])],
      ['updated', ['answers']],
    ]);
    // the history names fields, never their values (health data must stay erasable from the row alone)
    const events = await test.db.selectFrom('record_events').select('payload').where('record_id', '=', made.id).execute();
    expect(JSON.stringify(events)).not.toContain(canary);
  });

  it('refuses a stale version with a conflict and writes nothing', async () => {
    const counsellor = callers.get('counsellor')!;
    const made = await counsellor.records.careForm.create({ visitorName: '甲', consent: 'guardian', filledAt: '2026-12-05T11:00:00+08:00', answers: answers(0) });
    await counsellor.records.careForm.update({ id: made.id, expectedVersion: 1, payload: { ...made.payload, notes: '第一次' } });
    await expect(counsellor.records.careForm.update({ id: made.id, expectedVersion: 1, payload: { ...made.payload, notes: '过期的' } })).rejects.toMatchObject({ code: 'CONFLICT' });
    expect((await counsellor.records.careForm.get({ id: made.id })).payload.notes).toBe('第一次');
  });

  it('refuses a form without separate consent, naming the field, and stores nothing', async () => {
    const before = await test.db.selectFrom('records').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    const refused = await callers
      .get('counsellor')!
      .records.careForm.create({ visitorName: '乙', filledAt: '2026-12-05T11:00:00+08:00', answers: answers(0) } as never)
      .catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(TRPCError);
    // a validation error is 422 with the field named (the error contract of both apps)
    expect((refused as TRPCError).code).toBe('UNPROCESSABLE_CONTENT');
    expect(JSON.stringify((refused as TRPCError).cause)).toContain('consent');
    const after = await test.db.selectFrom('records').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });

  it('lists by facet (grade) and period, newest first, in keyset pages', async () => {
    const counsellor = callers.get('counsellor')!;
    for (const [day, value] of [['2026-11-03', 3], ['2026-11-04', 0], ['2026-11-05', 3]] as const) {
      await counsellor.records.careForm.create({ visitorName: '丙', consent: 'visitor', filledAt: `${day}T09:00:00+08:00`, answers: answers(value) });
    }
    const highRisk = await counsellor.records.careForm.list({ facets: { grade: 'highRisk' }, from: '2026-11-01', to: '2026-11-30', limit: 1 });
    expect(highRisk.total).toBe(2);
    expect(highRisk.items[0]!.occurredAt).toBe(new Date('2026-11-05T09:00:00+08:00').toISOString());
    const next = await counsellor.records.careForm.list({ facets: { grade: 'highRisk' }, from: '2026-11-01', to: '2026-11-30', limit: 1, after: highRisk.nextCursor! });
    expect(next.items[0]!.occurredAt).toBe(new Date('2026-11-03T09:00:00+08:00').toISOString());
    await expect(counsellor.records.careForm.list({ facets: { notAFacet: 'x' }, limit: 5 })).rejects.toMatchObject({ code: 'UNPROCESSABLE_CONTENT' });
  });

  it('shows health data to counsellors and their studio head only, and audits every read', async () => {
    const made = await callers.get('counsellor')!.records.careForm.create({ visitorName: `丁${canary}`, consent: 'visitor', filledAt: '2026-12-05T12:00:00+08:00', answers: answers(2) });
    for (const role of Role.options) {
      const caller = callers.get(role)!;
      const attempt = await caller.records.careForm.get({ id: made.id }).then(
        (value) => JSON.stringify(value),
        (error: unknown) => (error instanceof TRPCError ? error.code : String(error)),
      );
      if (role === 'counsellor' || role === 'studioHead') expect(attempt).toContain(canary);
      else expect(attempt).toBe('FORBIDDEN');
      const listed = await caller.records.careForm.list({ limit: 100 }).then((value) => JSON.stringify(value), (error: unknown) => (error instanceof TRPCError ? error.code : String(error)));
      if (role !== 'counsellor' && role !== 'studioHead') expect(listed).toBe('FORBIDDEN');
    }
    const reads = await test.db.selectFrom('audit_log').select(['action', 'target_id', 'details']).where('action', '=', 'read:careForm').where('target_id', '=', made.id).execute();
    expect(reads.length).toBe(2);
    expect(JSON.stringify(await test.db.selectFrom('audit_log').select('details').execute())).not.toContain(canary);
  });

  it('tells the petition’s other readers only that follow-up is advised, never the form', async () => {
    const petition = await test.db.selectFrom('petitions').select('id').orderBy('id').executeTakeFirstOrThrow();
    const officer = callers.get('receptionOfficer')!;
    expect((await officer.petitions.get({ id: petition.id })).followUpAdvised).toBe(false);
    await callers.get('counsellor')!.records.careForm.create({ visitorName: `戊${canary}`, consent: 'visitor', filledAt: '2026-12-05T13:00:00+08:00', answers: answers(2), petitionIds: [petition.id], notes: canary });
    const detail = await officer.petitions.get({ id: petition.id });
    expect(detail.followUpAdvised).toBe(true);
    expect(JSON.stringify(detail)).not.toContain(canary);
    expect(JSON.stringify(detail)).not.toMatch(/attention|highRisk/);
  });

  it('keeps staff counselling nameless and group sessions to topic and person-times', async () => {
    const counsellor = callers.get('counsellor')!;
    const group = await counsellor.records.counsellingSession.create({ heldAt: '2026-12-04T15:00:00+08:00', stage: 'afterVisit', format: 'group', subject: 'staff', personCount: 23, topic: '减压沙龙' });
    expect(group.facets).toMatchObject({ subject: 'staff', format: 'group', personCount: 23 });
    await expect(
      counsellor.records.counsellingSession.create({ heldAt: '2026-12-04T15:00:00+08:00', stage: 'afterVisit', format: 'individual', subject: 'staff', personCount: 1, visitorName: '某干部' }),
    ).rejects.toMatchObject({ code: 'UNPROCESSABLE_CONTENT' });
    const calmed = await counsellor.records.counsellingSession.list({ facets: { subject: 'staff' }, limit: 10 });
    expect(calmed.items.every((item) => item.payload.visitorName === undefined)).toBe(true);
  });
});
