import type { Channel } from '../petition/petition.ts';
import { countsAsSatisfied, type EvaluationRating } from '../records/evaluation.ts';
import type { HardCaseKind } from '../records/hard-case.ts';
import type { CalendarDay } from '../time/calendar-day.ts';
import { computeRate, isInPeriod, type IndicatorDefinition, type Period, type Rate } from './indicator-definition.ts';

const definition = (fields: Omit<IndicatorDefinition, 'decimals' | 'version'> & { version?: number }): IndicatorDefinition => ({ version: 1, decimals: 2, ...fields });

export const diversionSuccessRateDefinition = definition({
  id: 'diversionSuccessRate',
  name: { zh: '疏导成功率', en: 'Diversion success rate' },
  numerator: { zh: '接受疏导的涉法涉诉事项', en: 'Triaged litigation-type matters whose diversion was accepted' },
  denominator: { zh: '经甄别的涉法涉诉事项', en: 'Triaged litigation-type matters' },
  filters: { zh: '仅限涉法涉诉', en: 'Litigation-type only' },
  periodBy: { zh: '甄别日期', en: 'Day of triage' },
});

/**
 * 疏导成功率: accepted diversions / triaged litigation-type matters.
 * @example diversionSuccessRate(records).display // '92.14%' for 7,271 of 7,891
 */
export function diversionSuccessRate(records: readonly { triagedOn: CalendarDay; litigationRelated: boolean; diversionOutcome?: 'accepted' | 'refused' | undefined }[], period?: Period): Rate {
  const relevant = records.filter((record) => record.litigationRelated && isInPeriod(record.triagedOn, period));
  return computeRate(diversionSuccessRateDefinition, relevant.filter((record) => record.diversionOutcome === 'accepted').length, relevant.length);
}

export const onlineShareDefinition = definition({
  id: 'onlineShare',
  name: { zh: '网上信访占比', en: 'Online share' },
  numerator: { zh: '网上受理的事项（含自助终端访转网）', en: 'Matters received online (kiosk-assisted included)' },
  denominator: { zh: '登记的全部事项', en: 'All matters registered' },
  filters: { zh: '无', en: 'None' },
  periodBy: { zh: '收到日期', en: 'Day received' },
});

/**
 * 网上信访占比: matters received online (kiosk-assisted included) / all matters registered.
 * @example onlineShare(matters).display // '90.37%' for 5,828 of 6,449
 */
export function onlineShare(matters: readonly { receivedOn: CalendarDay; channel: Channel; kioskAssisted: boolean }[], period?: Period): Rate {
  const relevant = matters.filter((matter) => isInPeriod(matter.receivedOn, period));
  return computeRate(onlineShareDefinition, relevant.filter((matter) => matter.channel === 'online' || matter.kioskAssisted).length, relevant.length);
}

export const satisfactionRateDefinition = definition({
  id: 'satisfactionRate',
  name: { zh: '满意率', en: 'Satisfaction rate' },
  numerator: { zh: '满意与基本满意的事项', en: 'Matters rated satisfied or basically satisfied' },
  denominator: { zh: '已评价的事项', en: 'Evaluated matters' },
  filters: { zh: '无', en: 'None' },
  periodBy: { zh: '评价日期', en: 'Day of evaluation' },
});

/**
 * 满意率: (satisfied + basically satisfied) / evaluated matters.
 * @example satisfactionRate([{ evaluatedOn: '2025-01-02', rating: 'satisfied' }]).percent // 100
 */
export function satisfactionRate(evaluations: readonly { evaluatedOn: CalendarDay; rating: EvaluationRating }[], period?: Period): Rate {
  const relevant = evaluations.filter((evaluation) => isInPeriod(evaluation.evaluatedOn, period));
  return computeRate(satisfactionRateDefinition, relevant.filter((evaluation) => countsAsSatisfied(evaluation.rating)).length, relevant.length);
}

export const screeningSettlementRateDefinition = definition({
  id: 'screeningSettlementRate',
  name: { zh: '调处成功率', en: 'Screening settlement rate' },
  numerator: { zh: '首次处置即化解的矛盾', en: 'Disputes settled at first handling' },
  denominator: { zh: '排查发现的矛盾', en: 'Disputes found' },
  filters: { zh: '区、街道、社区三级', en: 'District, street and community levels' },
  periodBy: { zh: '发现日期', en: 'Day found' },
});

/**
 * 调处成功率: disputes settled at first handling / disputes found.
 * @example screeningSettlementRate(disputes).display // '77.89%' for 296 of 380
 */
export function screeningSettlementRate(disputes: readonly { foundOn: CalendarDay; settledAtFirstHandling: boolean }[], period?: Period): Rate {
  const relevant = disputes.filter((dispute) => isInPeriod(dispute.foundOn, period));
  return computeRate(screeningSettlementRateDefinition, relevant.filter((dispute) => dispute.settledAtFirstHandling).length, relevant.length);
}

export const nailCaseResolutionRateDefinition = definition({
  id: 'nailCaseResolutionRate',
  name: { zh: '钉子案化解率', en: 'Nail-case resolution rate' },
  numerator: { zh: '已化解的钉子案', en: 'Nail cases resolved' },
  denominator: { zh: '列入的钉子案', en: 'Nail cases listed' },
  filters: { zh: '仅限钉子案', en: 'Nail cases only' },
  periodBy: { zh: '列入日期', en: 'Day listed' },
});

/**
 * 化解率 of nail cases: resolved / listed.
 * @example nailCaseResolutionRate(cases).display // '59.72%' for 129 of 216
 */
export function nailCaseResolutionRate(cases: readonly { listedOn: CalendarDay; kind: HardCaseKind; resolvedOn?: CalendarDay | undefined }[], period?: Period): Rate {
  const relevant = cases.filter((hardCase) => hardCase.kind === 'nail' && isInPeriod(hardCase.listedOn, period));
  return computeRate(nailCaseResolutionRateDefinition, relevant.filter((hardCase) => hardCase.resolvedOn !== undefined).length, relevant.length);
}

export const onTimeConclusionRateDefinition = definition({
  id: 'onTimeConclusionRate',
  name: { zh: '按期办结率', en: 'On-time conclusion rate' },
  numerator: { zh: '在期限内办结的事项', en: 'Concluded on or before the due date' },
  denominator: { zh: '已办结的事项', en: 'Concluded matters' },
  filters: { zh: '可按案件类型筛选（如荆棘案）', en: 'May be narrowed by kind (e.g. thorn cases)' },
  periodBy: { zh: '办结日期', en: 'Day concluded' },
});

/**
 * 按期办结率: concluded on or before the due date / concluded.
 * @example onTimeConclusionRate([{ concludedOn: '2025-03-01', dueOn: '2025-03-02' }]).display // '100.00%'
 */
export function onTimeConclusionRate(concluded: readonly { concludedOn: CalendarDay; dueOn: CalendarDay }[], period?: Period): Rate {
  const relevant = concluded.filter((matter) => isInPeriod(matter.concludedOn, period));
  return computeRate(onTimeConclusionRateDefinition, relevant.filter((matter) => matter.concludedOn <= matter.dueOn).length, relevant.length);
}
