import { z } from 'zod';
import type { BilingualMessage } from '../messages/messages.ts';

/** 转送 passes a matter to the competent unit; 交办 also demands a completion report. */
export const RoutingMode = z.enum(['transfer', 'assign']);
export type RoutingMode = z.infer<typeof RoutingMode>;

export const routingModeLabels = {
  transfer: { zh: '转送', en: 'Transfer' },
  assign: { zh: '交办', en: 'Assign (report required)' },
} as const satisfies Record<RoutingMode, BilingualMessage>;
