import { randomUUID } from 'node:crypto';
import { seedDemoData } from '@xinfang/db/seed';
import { ensureStaff } from '@xinfang/db/repositories/staff';
import { getUnitByCode } from '@xinfang/db/repositories/units';
import { createTestKeys, useTestDatabase } from '@xinfang/db/testing';
import type { DocumentKind } from '@xinfang/domain/casework/documents';
import { hashPassword } from '@xinfang/security/password';
import { extractText, getDocumentProxy } from 'unpdf';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestContext } from '../../testing/test-context.ts';
import { wrapText } from './document-pdf.ts';

const test = useTestDatabase();
const keys = createTestKeys();
const clock = new Date('2026-11-10T02:00:00Z');
type Caller = ReturnType<typeof createTestContext>['caller'];
const as: Record<string, Caller> = {};
const units: Record<string, string> = {};

async function signedIn(username: string, password: string): Promise<Caller> {
  const { caller } = createTestContext(test.db, keys, { now: () => clock });
  await caller.auth.signIn({ username, password });
  return caller;
}

beforeAll(async () => {
  await seedDemoData(test.db, { now: clock, keys, hashPassword, petitions: 3 });
  for (const code of ['440300', '440304', '440304001000', '440304D01']) units[code] = (await getUnitByCode(test.db, code)).id;
  for (const [username, password] of [
    ['reception', 'Demo-reception-2026'],
    ['lawyer', 'Demo-lawyer-2026'],
    ['handler', 'Demo-handler-2026'],
    ['depthead', 'Demo-depthead-2026'],
    ['reviewer', 'Demo-reviewer-2026'],
    ['rechecker', 'Demo-rechecker-2026'],
  ]) as[username!] = await signedIn(username!, password!);
  const outsider = await getUnitByCode(test.db, '440304002000');
  await ensureStaff(test.db, { username: 'yuanling-officer', displayName: '园岭接访员', role: 'receptionOfficer', unitId: outsider.id, passwordHash: await hashPassword('Documents-test-2026') });
  as.outsider = await signedIn('yuanling-officer', 'Documents-test-2026');
}, 60_000);

/** Registers a matter of a named petitioner and returns a function that takes each step with the right version. */
async function matter(name: string, summary: string) {
  const { id } = await as.reception!.petitions.register({
    channel: 'letter',
    receivedAt: '2026-11-09T01:30:00Z',
    hallUnitId: units['440304']!,
    streetUnitId: units['440304001000']!,
    summary,
    content: `【测试数据】${summary}`,
    persons: [{ name, mobile: '19900005678' }],
    idempotencyKey: randomUUID(),
  });
  let version = 1;
  const act = async (caller: Caller, step: string, input: Record<string, unknown>) => {
    const procedure = (caller.petitions as unknown as Record<string, (input: unknown) => Promise<{ version: number; documentId: string | null }>>)[step]!;
    const outcome = await procedure({ petitionId: id, expectedVersion: version, ...input });
    version = outcome.version;
    return outcome.documentId;
  };
  return { id, act };
}

async function pdfText(caller: Caller, documentId: string): Promise<{ text: string; fileName: string; bytes: Uint8Array }> {
  const { base64, fileName } = await caller.documents.pdf({ id: documentId });
  const bytes = new Uint8Array(Buffer.from(base64, 'base64'));
  const proxy = await getDocumentProxy(bytes.slice());
  const { text } = await extractText(proxy, { mergePages: true });
  return { text: text.replace(/\s+/g, ''), fileName, bytes };
}

describe('notices as PDF', () => {
  const issued = new Map<DocumentKind, string>();
  let deniedId = '';

  beforeAll(async () => {
    const main = await matter('甲测试人', '小区电梯长期故障');
    issued.set('legalGuidance', (await main.act(as.lawyer!, 'triage', { petitionClass: 'claim', claimRoute: 'petitionProcedure', canHandle: true, guidance: '可按信访程序办理' }))!);
    await main.act(as.reception!, 'route', { unitId: units['440304D01'], mode: 'transfer' });
    issued.set('receipt', (await main.act(as.handler!, 'acknowledgeReceipt', { noticeText: '请保持电话畅通。', noticeGivenAt: clock.toISOString() }))!);
    const handlerId = (await test.db.selectFrom('staff').select('id').where('username', '=', 'handler').executeTakeFirstOrThrow()).id;
    await main.act(as.handler!, 'startHandling', { handlerStaffId: handlerId });
    await main.act(as.handler!, 'requestExtension', { days: 30, reason: '需现场核查' });
    issued.set('extension', (await main.act(as.depthead!, 'approveExtension', { days: 30, reason: '需现场核查' }))!);
    issued.set('reply', (await main.act(as.handler!, 'reply', { outcome: 'support', facts: '经查属实，已责令物业维修。', legalBasis: '《特种设备安全法》', deliveredAt: clock.toISOString() }))!);
    await main.act(as.reception!, 'requestReview', { reviewingUnitId: units['440304'], reason: '不服处理意见' });
    issued.set('reviewAnswer', (await main.act(as.reviewer!, 'answerReview', { outcome: 'upheld', text: '维持原处理意见。', deliveredAt: clock.toISOString() }))!);
    await main.act(as.reception!, 'requestRecheck', { recheckingUnitId: units['440300'], reason: '不服复查意见' });
    issued.set('recheckAnswer', (await main.act(as.rechecker!, 'answerRecheck', { outcome: 'upheld', text: '维持复查意见。' }))!);
    await main.act(as.reception!, 'close', { note: '复核终结' });

    const refused = await matter('乙测试人', '要求解决邻里纠纷');
    deniedId = refused.id;
    issued.set('notAccepted', (await refused.act(as.lawyer!, 'notAccept', { reason: 'outsideScope', noticeText: '请向人民调解委员会申请调解。' }))!);
    const repeat = await matter('甲测试人', '小区电梯长期故障（再次反映）');
    issued.set('notReaccepted', (await repeat.act(as.reception!, 'notAccept', { reason: 'repeatAfterRecheck', noticeText: '该事项已经复核终结。', matchedPetitionId: main.id }))!);
  }, 60_000);

  const cases: { kind: DocumentKind; title: string; name: string; summary: string; must: string[] }[] = [
    { kind: 'legalGuidance', title: '法律指引告知书', name: '甲测试人', summary: '小区电梯长期故障', must: ['可按信访程序办理'] },
    { kind: 'receipt', title: '受理告知书', name: '甲测试人', summary: '小区电梯长期故障', must: ['住房和建设局', '60日内办结'] },
    { kind: 'extension', title: '延期告知书', name: '甲测试人', summary: '小区电梯长期故障', must: ['延长30日', '需现场核查'] },
    { kind: 'reply', title: '信访事项处理意见书', name: '甲测试人', summary: '小区电梯长期故障', must: ['经查属实，已责令物业维修。', '《特种设备安全法》'] },
    { kind: 'reviewAnswer', title: '信访事项复查意见书', name: '甲测试人', summary: '小区电梯长期故障', must: ['福田区信访局', '维持原处理意见。'] },
    { kind: 'recheckAnswer', title: '信访事项复核意见书', name: '甲测试人', summary: '小区电梯长期故障', must: ['深圳市信访局', '维持复查意见。'] },
    { kind: 'notAccepted', title: '不予受理告知书', name: '乙测试人', summary: '要求解决邻里纠纷', must: ['不予受理', '请向人民调解委员会申请调解。'] },
    { kind: 'notReaccepted', title: '不再受理告知书', name: '甲测试人', summary: '小区电梯长期故障（再次反映）', must: ['不再受理'] },
  ];

  it.each(cases)('$title: petitioner, matter, dates, serial number and tracking code read back from the PDF', async ({ kind, title, name, summary, must }) => {
    const documentId = issued.get(kind)!;
    const notice = await as.reception!.documents.get({ id: documentId });
    const { text, fileName, bytes } = await pdfText(as.reception!, documentId);
    expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe('%PDF-');
    expect(notice.title).toBe(title);
    expect(fileName).toBe(`${title}-${notice.serialNumber}.pdf`);
    for (const field of [title, `${name}：`, `“${summary}”`, notice.serialNumber, notice.trackingCode, notice.dateText, '2026年11月9日', notice.issuingUnitName, ...must]) {
      expect(text, field).toContain(field.replace(/\s+/g, ''));
    }
    expect(notice.serialNumber).toMatch(/^福信.+〔2026〕\d{4}号$/);
    expect(notice.dateText).toBe('2026年11月10日');
  });

  it('embeds only a subset of the font: a notice is small', async () => {
    const { bytes } = await pdfText(as.reception!, issued.get('reply')!);
    expect(bytes.length).toBeLessThan(400_000);
  });

  it('refuses a notice outside the reader’s jurisdiction', async () => {
    const documentId = issued.get('notAccepted')!;
    await expect(as.outsider!.documents.pdf({ id: documentId })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(deniedId).not.toBe('');
  });
});

describe('line breaking', () => {
  const measure = (text: string) => [...text].length;
  it.each([
    { text: '一二三四五六七八九十', width: 4, indent: 0, lines: ['一二三四', '五六七八', '九十'] },
    { text: '一二三四五六', width: 4, indent: 2, lines: ['一二', '三四五六'] },
    { text: '查询码ABCD2345', width: 8, indent: 0, lines: ['查询码', 'ABCD2345'] },
    { text: '码ABCDEFGHIJ', width: 4, indent: 0, lines: ['码', 'ABCD', 'EFGH', 'IJ'] },
    { text: '甲\n乙', width: 4, indent: 0, lines: ['甲', '乙'] },
  ])('wraps $text at $width', ({ text, width, indent, lines }) => {
    expect(wrapText(text, width, measure, indent)).toEqual(lines);
  });
});
