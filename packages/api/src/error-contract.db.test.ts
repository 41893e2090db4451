import { randomUUID } from 'node:crypto';
import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { seedDemoData } from '@xinfang/db/seed';
import { createTestKeys, useTestDatabase } from '@xinfang/db/testing';
import { hashPassword } from '@xinfang/security/password';
import { beforeAll, describe, expect, it } from 'vitest';
import { appRouter } from './router.ts';
import { createTestContext } from './testing/test-context.ts';

/**
 * The error contract both apps rely on, over HTTP as the browser sees it: a rule or validation error is 422 naming the
 * field; 409 is only a stale version, and says who changed what; nothing else is a conflict.
 */
const test = useTestDatabase();
const keys = createTestKeys();
const clock = new Date('2026-11-02T02:00:00Z');

interface ErrorBody {
  error: { message: string; data: { httpStatus: number; messageCode: string; messageZh: string; fieldErrors: Record<string, { code: string; zh: string; en: string }> | null } };
}

/** A signed-in staff member calling procedures by HTTP (POST /trpc/<path>), as the console does. */
async function staffClient(username: string, password: string) {
  const { ctx, caller } = createTestContext(test.db, keys, { now: () => clock });
  await caller.auth.signIn({ username, password });
  const call = async (path: string, input: unknown) => {
    const response = await fetchRequestHandler({
      endpoint: '/trpc',
      req: new Request(`http://localhost/trpc/${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(input) }),
      router: appRouter,
      createContext: () => ctx,
    });
    return { status: response.status, body: (await response.json()) as ErrorBody };
  };
  return { caller, call };
}

let reception: Awaited<ReturnType<typeof staffClient>>;
let lawyer: Awaited<ReturnType<typeof staffClient>>;

async function registered(): Promise<{ id: string; version: number }> {
  const district = await test.db.selectFrom('units').select('id').where('code', '=', '440304').executeTakeFirstOrThrow();
  const result = await reception.caller.petitions.register({
    channel: 'visit',
    receivedAt: clock.toISOString(),
    hallUnitId: district.id,
    summary: '测试：小区路灯不亮',
    content: '【测试数据】小区东门路灯已坏三个月。',
    persons: [{ name: '测试信访人', idCardNumber: '11010519491231002X', mobile: '19900001234' }],
    idempotencyKey: randomUUID(),
  });
  return { id: result.id, version: result.version };
}

beforeAll(async () => {
  await seedDemoData(test.db, { now: clock, keys, hashPassword, petitions: 3 });
  reception = await staffClient('reception', 'Demo-reception-2026');
  lawyer = await staffClient('lawyer', 'Demo-lawyer-2026');
}, 120_000);

describe('the error contract over HTTP', () => {
  it('answers a rule error with 422 and the field it is about, never 409 nor "reload"', async () => {
    const { id, version } = await registered();
    // a claim triaged without its route
    const triage = await lawyer.call('petitions.triage', { petitionId: id, expectedVersion: version, petitionClass: 'claim', canHandle: true, guidance: '待定' });
    expect(triage.status).toBe(422);
    expect(triage.body.error.data).toMatchObject({ httpStatus: 422, messageCode: 'workflow.triage.claimRouteRequired' });
    expect(triage.body.error.data.fieldErrors).toEqual({
      claimRoute: { code: 'workflow.triage.claimRouteRequired', zh: '申诉求决类事项须确定处理途径', en: 'A claim needs a handling route' },
    });
    expect(triage.body.error.message).not.toMatch(/reload|refresh/i);
  });

  it('answers a mediation agreement without its date with 422 on agreementEffectiveOn', async () => {
    const { id, version } = await registered();
    const triaged = await lawyer.caller.petitions.triage({ petitionId: id, expectedVersion: version, petitionClass: 'claim', claimRoute: 'petitionProcedure', canHandle: true, guidance: '可调解' });
    const mediatorId = (await test.db.selectFrom('staff').select('id').where('username', '=', 'mediator').executeTakeFirstOrThrow()).id;
    const started = await reception.caller.petitions.startMediation({ petitionId: id, expectedVersion: triaged.version, mediatorStaffId: mediatorId, partiesAgreed: true });
    const mediator = await staffClient('mediator', 'Demo-mediator-2026');
    const concluded = await mediator.call('petitions.concludeMediation', { petitionId: id, expectedVersion: started.version, result: 'agreement' });
    expect(concluded.status).toBe(422);
    expect(Object.keys(concluded.body.error.data.fieldErrors ?? {})).toEqual(['agreementEffectiveOn']);
    expect(concluded.body.error.data.messageZh).toBe('达成调解协议的，须填写协议生效日期');
  });

  it('answers an input that fails its schema with 422 and each field’s message', async () => {
    const { id, version } = await registered();
    const refused = await lawyer.call('petitions.triage', { petitionId: id, expectedVersion: version, petitionClass: 'suggestion', canHandle: true, guidance: '' });
    expect(refused.status).toBe(422);
    expect(refused.body.error.data.fieldErrors?.guidance).toMatchObject({ code: 'validation.required', zh: '此项为必填项' });
  });

  it('answers a step the status does not allow with 422, not 409', async () => {
    const { id, version } = await registered();
    const refused = await reception.call('petitions.close', { petitionId: id, expectedVersion: version });
    expect(refused.status).toBe(422);
    expect(refused.body.error.data.messageCode).toBe('workflow.actionNotAllowed');
  });

  it('answers a stale version with 409, saying who recorded what, and when', async () => {
    const { id, version } = await registered();
    await lawyer.caller.petitions.triage({ petitionId: id, expectedVersion: version, petitionClass: 'suggestion', canHandle: true, guidance: '建议意见' });
    const stale = await reception.call('petitions.withdraw', { petitionId: id, expectedVersion: version });
    expect(stale.status).toBe(409);
    expect(stale.body.error.data.messageCode).toBe('petition.versionConflict');
    expect(stale.body.error.data.messageZh).toBe('值班律师（演示）已于2026-11-02 10:00对此事项进行了“完成访前甄别”，您看到的不是最新情况；页面已更新，请核对后再操作');
    expect(stale.body.error.message).toContain('值班律师（演示） recorded “Triaged” on this matter at 2026-11-02 10:00');
    expect(stale.body.error.data.fieldErrors).toBeNull();
  });
});
