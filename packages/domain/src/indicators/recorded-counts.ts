import { z } from 'zod';
import type { BilingualMessage } from '../messages/messages.ts';

/**
 * The counts the database provides for a period and a scope (packages/db's indicator facts and their daily rollup):
 * the inputs of every indicator whose records exist. An indicator of the rooms or the division work joins this list
 * (and its facts query) when its records land; until then its definition says `source: 'notRecordedYet'`.
 * Each count is taken on the day that places its record in a period (a definition's `periodBy`).
 */
export const RecordedCount = z.enum([
  'registered',
  'registeredOnline',
  'channelOnline',
  'channelLetter',
  'channelVisit',
  'channelPhone',
  'channelFax',
  'triaged',
  'triagedPersons',
  'enteredProcedure',
  'litigationTriaged',
  'litigationAccepted',
  'evaluated',
  'evaluatedSatisfied',
  'concluded',
  'concludedOnTime',
  'visits',
  'visitPersons',
  'repeatVisits',
  'repeatVisitPersons',
  'collectiveVisits',
  'collectiveVisitPersons',
]);
export type RecordedCount = z.infer<typeof RecordedCount>;

/** Every recorded count of a period and scope. */
export type RecordedCounts = Readonly<Record<RecordedCount, number>>;

/** The inputs of an indicator computed from recorded counts: a typo in a count's name does not compile. */
export type RecordedInputs<Name extends RecordedCount> = Readonly<Record<Name, number>>;

/** What each count counts (shown beside a definition's inputs). */
export const recordedCountLabels = {
  registered: { zh: '登记的信访事项（按收到日期）', en: 'Matters registered (by day received)' },
  registeredOnline: { zh: '网上受理的事项，含访转网（按收到日期）', en: 'Matters received online, kiosk-assisted included (by day received)' },
  channelOnline: { zh: '渠道为网上的事项', en: 'Matters whose channel is online' },
  channelLetter: { zh: '渠道为来信的事项', en: 'Matters whose channel is a letter' },
  channelVisit: { zh: '渠道为来访的事项', en: 'Matters whose channel is a visit' },
  channelPhone: { zh: '渠道为来电的事项', en: 'Matters whose channel is a phone call' },
  channelFax: { zh: '渠道为传真的事项', en: 'Matters whose channel is a fax' },
  triaged: { zh: '经访前甄别的事项（按甄别日期）', en: 'Matters triaged (by day of triage)' },
  triagedPersons: { zh: '经甄别事项的人次', en: 'Person-times of the matters triaged' },
  enteredProcedure: { zh: '甄别后进入信访程序的事项', en: 'Triaged matters that entered the petition procedure' },
  litigationTriaged: { zh: '经甄别的涉法涉诉事项', en: 'Triaged litigation-type matters' },
  litigationAccepted: { zh: '接受疏导的涉法涉诉事项', en: 'Triaged litigation-type matters whose diversion was accepted' },
  evaluated: { zh: '已评价的事项（按评价日期）', en: 'Matters evaluated (by day of evaluation)' },
  evaluatedSatisfied: { zh: '评价为满意或基本满意的事项', en: 'Matters rated satisfied or basically satisfied' },
  concluded: { zh: '已办结（出具处理意见）的事项（按答复日期）', en: 'Matters concluded with a reply (by day of the reply)' },
  concludedOnTime: {
    zh: '答复日期不晚于办结时限（按期限引擎：遇休息日顺延、扣除中止、含批准的延期）的事项',
    en: 'Concluded matters replied on or before the conclude clock’s due date (rest-day roll, pauses and the approved extension)',
  },
  visits: { zh: '来访批次（按来访日期）', en: 'Visit batches (by day of the visit)' },
  visitPersons: { zh: '来访人次', en: 'Visit person-times' },
  repeatVisits: { zh: '重复来访批次', en: 'Repeat visit batches' },
  repeatVisitPersons: { zh: '重复来访人次', en: 'Repeat visit person-times' },
  collectiveVisits: { zh: '集体访批次（5人及以上）', en: 'Collective visit batches (5 or more people)' },
  collectiveVisitPersons: { zh: '集体访人次', en: 'Collective visit person-times' },
} as const satisfies Record<RecordedCount, BilingualMessage>;

/** Every count at zero: the start of a sum. */
export function zeroCounts(): Record<RecordedCount, number> {
  return Object.fromEntries(RecordedCount.options.map((count) => [count, 0])) as Record<RecordedCount, number>;
}
