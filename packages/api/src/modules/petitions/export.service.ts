import { channelLabels, petitionClassLabels, petitionStatusStaffLabels } from '@xinfang/domain/petition';
import { queueLabels, type QueueItem, type QueueQuery } from '@xinfang/domain/casework/queues';
import { appealRequestsOf, evaluationOf } from '@xinfang/domain/casework/visitor-statements';
import { KioskCategory, kioskCategories } from '@xinfang/domain/kiosk';
import { evaluationRatingLabels } from '@xinfang/domain/records/evaluation';
import { listVisitorStatements } from '@xinfang/db/repositories/petitions';
import type { z } from 'zod';
import { getQueuePage } from './queries.service.ts';
import type { StaffContext } from './workflow.service.ts';

const lightLabels = { green: '绿灯', yellow: '黄灯', red: '红灯' } as const;
/** The most rows one export carries; a bigger queue is cut and says so in the file. */
export const maximumExportRows = 5000;

// one formatter for every cell: building an Intl.DateTimeFormat per cell costs ≈ 0.1 ms and ICU memory each
const shanghaiFormat = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', dateStyle: 'short', timeStyle: 'short', hour12: false });

function shanghaiText(instant: string | null): string {
  return instant ? shanghaiFormat.format(new Date(instant)) : '';
}

/** A queue (with its filters) as an .xlsx workbook with Chinese headers, base64-encoded for transport. */
export async function exportQueue(ctx: StaffContext, input: z.output<typeof QueueQuery>) {
  const items: QueueItem[] = [];
  let after = input.after;
  let total: number;
  let totalIsCapped: boolean;
  do {
    const page = await getQueuePage(ctx, { ...input, limit: 100, after });
    items.push(...page.items);
    ({ total, totalIsCapped } = page);
    after = page.nextCursor ?? undefined;
  } while (after && items.length < maximumExportRows);
  // the visitor's own words for the rows exported (each row already passed the reader's visibility rule)
  const statements = await listVisitorStatements(ctx.db, items.map((item) => item.id));
  // exceljs is loaded on first export, not at server start (≈ 13 MB of resident memory saved on every server)
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'xinfang';
  const sheet = workbook.addWorksheet(queueLabels[input.queue].zh);
  sheet.columns = [
    { header: '查询码', key: 'trackingCode', width: 16 },
    { header: '收到时间', key: 'receivedAt', width: 18 },
    { header: '信访人', key: 'petitionerName', width: 14 },
    { header: '联系电话', key: 'mobileMasked', width: 14 },
    { header: '事项摘要', key: 'summary', width: 40 },
    { header: '反映谁', key: 'respondent', width: 20 },
    { header: '希望怎样解决', key: 'request', width: 30 },
    { header: '信访类别', key: 'petitionClass', width: 12 },
    { header: '来访人所选类别', key: 'kioskCategory', width: 16 },
    { header: '渠道', key: 'channel', width: 8 },
    { header: '集体访人数', key: 'headcount', width: 10 },
    { header: '接待厅', key: 'hallName', width: 14 },
    { header: '街道', key: 'streetName', width: 12 },
    { header: '办理单位', key: 'handlingUnitName', width: 22 },
    { header: '状态', key: 'status', width: 12 },
    { header: '期限', key: 'dueAt', width: 18 },
    { header: '亮灯', key: 'light', width: 8 },
    { header: '满意度评价', key: 'rating', width: 10 },
    { header: '评价意见', key: 'ratingComment', width: 30 },
    { header: '复查申请理由', key: 'reviewReasons', width: 30 },
    { header: '复核申请理由', key: 'recheckReasons', width: 30 },
  ];
  sheet.getRow(1).font = { bold: true };
  for (const item of items) {
    const statement = statements.get(item.id);
    const evaluation = statement ? evaluationOf(statement.events) : undefined;
    const appeals = statement ? appealRequestsOf(statement.events) : [];
    const category = KioskCategory.safeParse(statement?.kioskCategory).data;
    const reasons = (kind: 'review' | 'recheck') =>
      appeals
        .filter((request) => request.kind === kind)
        .map((request) => request.reason)
        .join('\n');
    sheet.addRow({
      trackingCode: item.trackingCode,
      receivedAt: shanghaiText(item.receivedAt),
      petitionerName: item.petitionerName,
      mobileMasked: item.mobileMasked ?? '',
      summary: item.summary,
      respondent: statement?.respondent ?? '',
      request: statement?.request ?? '',
      kioskCategory: category ? kioskCategories[category].label.zh : '',
      petitionClass: item.petitionClass ? petitionClassLabels[item.petitionClass].zh : '',
      channel: channelLabels[item.channel].zh,
      headcount: item.isCollective ? item.headcount : '',
      hallName: item.hallName,
      streetName: item.streetName ?? '',
      handlingUnitName: item.handlingUnitName ?? '',
      status: petitionStatusStaffLabels[item.status].zh,
      dueAt: shanghaiText(item.dueAt),
      light: item.light ? lightLabels[item.light] : '',
      rating: evaluation ? evaluationRatingLabels[evaluation.rating].zh : '',
      ratingComment: evaluation?.comment ?? '',
      reviewReasons: reasons('review'),
      recheckReasons: reasons('recheck'),
    });
  }
  if (total > items.length) sheet.addRow({ trackingCode: `（共 ${total} 件${totalIsCapped ? '以上' : ''}，仅导出前 ${items.length} 件）` });
  const buffer = await workbook.xlsx.writeBuffer();
  const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(ctx.now());
  return { fileName: `信访事项-${queueLabels[input.queue].zh}-${day}.xlsx`, base64: Buffer.from(buffer).toString('base64'), rows: items.length };
}
