import { seedDemoData } from '@xinfang/db/seed';
import { createTestKeys, useTestDatabase } from '@xinfang/db/testing';
import { hashPassword } from '@xinfang/security/password';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestContext } from '../../testing/test-context.ts';

const test = useTestDatabase();
const keys = createTestKeys();

beforeAll(async () => {
  await seedDemoData(test.db, { now: new Date(), keys, hashPassword });
});

/** Shanghai wall-clock time written out by hand (UTC+8, no daylight saving), as zh-CN's short style shows it. */
function expectedShanghai(instant: string): string {
  const local = new Date(Date.parse(instant) + 8 * 3_600_000);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${local.getUTCFullYear()}/${local.getUTCMonth() + 1}/${local.getUTCDate()} ${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}`;
}

describe('Excel export of a work queue', () => {
  it.each([['all'], ['pendingRegistration'], ['overdue']] as const)('writes the %s queue in queue order with Chinese headers and Shanghai times', async (queue) => {
    const { caller } = createTestContext(test.db, keys);
    await caller.auth.signIn({ username: 'statistician', password: 'Demo-statistician-2026' });
    const items = [];
    let after;
    do {
      const page = await caller.petitions.queue({ queue, limit: 100, after });
      items.push(...page.items);
      after = page.nextCursor ?? undefined;
    } while (after);
    // the demo seed's 200 matters are all in the district statistician's view
    if (queue === 'all') expect(items.length).toBeGreaterThanOrEqual(200);
    const exported = await caller.petitions.exportQueue({ queue, limit: 20 });
    expect(exported.rows).toBe(items.length);
    expect(exported.fileName).toMatch(/^信访事项-.+-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    const bytes = Buffer.from(exported.base64, 'base64');
    await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(1).values).toEqual([
      undefined,
      '查询码',
      '收到时间',
      '信访人',
      '联系电话',
      '事项摘要',
      '反映谁',
      '希望怎样解决',
      '信访类别',
      '来访人所选类别',
      '渠道',
      '集体访人数',
      '接待厅',
      '街道',
      '办理单位',
      '状态',
      '期限',
      '亮灯',
      '满意度评价',
      '评价意见',
      '复查申请理由',
      '复核申请理由',
    ]);
    expect(sheet.rowCount).toBe(items.length + 1);
    items.forEach((item, index) => {
      const row = sheet.getRow(index + 2);
      expect(row.getCell(1).value).toBe(item.trackingCode);
      expect(row.getCell(2).value).toBe(expectedShanghai(item.receivedAt));
      expect(row.getCell(16).value ?? '').toBe(item.dueAt ? expectedShanghai(item.dueAt) : '');
      // identity stays masked in the file
      expect(row.getCell(4).text).not.toMatch(/\d{11}/);
    });
    if (queue === 'all') {
      // what the visitor said travels with the matter: the reasons for a review and a recheck, the rating
      const column = (index: number) => Array.from({ length: sheet.rowCount - 1 }, (_, row) => sheet.getRow(row + 2).getCell(index).text);
      expect(column(20).some((text) => text.includes('对处理意见不服，申请复查'))).toBe(true);
      expect(column(21).some((text) => text.includes('对复查意见不服，申请复核'))).toBe(true);
      expect(column(18).some((text) => text === '满意')).toBe(true);
    }
  });
});
