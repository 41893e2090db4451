import { z } from 'zod';
import type { BilingualMessage } from '../messages/messages.ts';

/** 处理途径 for a claim, in the order of Art. 31 of the 信访工作条例. */
export const ClaimRoute = z.enum(['litigation', 'arbitration', 'partyReview', 'administrativeProcedure', 'statutoryDuty', 'petitionProcedure']);
export type ClaimRoute = z.infer<typeof ClaimRoute>;

export const claimRouteLabels = {
  litigation: { zh: '诉讼等法定程序', en: 'Litigation or other judicial procedure' },
  arbitration: { zh: '仲裁', en: 'Arbitration' },
  partyReview: { zh: '党员申诉、申请复审', en: 'Party member appeal or re-examination' },
  administrativeProcedure: { zh: '行政复议、裁决、确认、许可、处罚等行政程序', en: 'Administrative reconsideration, ruling, confirmation, licensing or penalty' },
  statutoryDuty: { zh: '依法履行职责', en: 'Performance of a statutory duty' },
  petitionProcedure: { zh: '信访程序', en: 'Petition procedure' },
} as const satisfies Record<ClaimRoute, BilingualMessage>;

/**
 * Whether a claim route leaves the petition procedure for a statutory channel (Art. 31 items 1–5).
 * @example isStatutoryChannel('litigation') // true
 */
export function isStatutoryChannel(route: ClaimRoute): boolean {
  return route !== 'petitionProcedure';
}
