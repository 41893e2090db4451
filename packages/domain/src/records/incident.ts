import { z } from 'zod';
import type { BilingualMessage } from '../messages/messages.ts';
import { IsoInstant } from '../time/iso-instant.ts';

/** The items of Art. 26 of the 信访工作条例 an incident cites. An incident is an event, never a label on a person. */
export const IncidentItem = z.enum(['item1', 'item2', 'item3', 'item4', 'item5', 'item6']);
export type IncidentItem = z.infer<typeof IncidentItem>;

export const incidentItemLabels = {
  item1: { zh: '在机关办公场所周围、公共场所非法聚集，围堵、冲击机关，拦截公务车辆，或者堵塞、阻断交通', en: 'Unlawful gathering, blocking or storming offices, stopping official vehicles or traffic' },
  item2: { zh: '携带危险物品、管制器具', en: 'Carrying dangerous articles or controlled instruments' },
  item3: { zh: '侮辱、殴打、威胁机关工作人员，非法限制他人人身自由，或者毁坏财物', en: 'Insulting, assaulting or threatening staff, restricting others’ liberty, or damaging property' },
  item4: { zh: '在信访接待场所滞留、滋事，或者将生活不能自理的人弃留在信访接待场所', en: 'Staying on or causing trouble at reception premises, or abandoning a dependent person there' },
  item5: { zh: '煽动、串联、胁迫、以财物诱使、幕后操纵他人信访，或者以信访为名借机敛财', en: 'Inciting, coercing or manipulating others to petition, or profiting from petitions' },
  item6: { zh: '其他扰乱公共秩序、妨害国家和公共安全的行为', en: 'Other conduct disturbing public order or endangering public safety' },
} as const satisfies Record<IncidentItem, BilingualMessage>;

/** 缠访闹访 / 极端事件 at a hall, recorded as an event citing Art. 26's item. */
export const Incident = z.object({
  id: z.string().uuid(),
  hallUnitId: z.string().uuid(),
  occurredAt: IsoInstant,
  item: IncidentItem,
  description: z.string().trim().min(1, 'validation.required').max(5000, 'validation.text.tooLong'),
  petitionId: z.string().uuid().optional(),
  reportedByStaffId: z.string().uuid(),
});
export type Incident = z.infer<typeof Incident>;
