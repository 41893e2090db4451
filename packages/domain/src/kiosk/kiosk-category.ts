import { z } from 'zod';
import type { BilingualMessage } from '../messages/messages.ts';
import type { PetitionClass } from '../petition/petition.ts';

/**
 * The plain-language categories a visitor picks at the kiosk. Each maps to a petition class (信访类别, Arts. 29–31);
 * the legal studio confirms or corrects the class at triage.
 */
export const KioskCategory = z.enum([
  'housing',
  'wages',
  'landAndDemolition',
  'environment',
  'socialSecurity',
  'publicServices',
  'lawEnforcement',
  'misconduct',
  'suggestion',
  'other',
]);
export type KioskCategory = z.infer<typeof KioskCategory>;

export interface KioskCategoryInfo {
  readonly label: BilingualMessage;
  /** A short example in everyday words, shown under the label. */
  readonly hint: BilingualMessage;
  readonly petitionClass: PetitionClass;
}

export const kioskCategories = {
  housing: {
    label: { zh: '住房、物业、小区', en: 'Housing, property management' },
    hint: { zh: '如：房屋漏水、物业不管、电梯坏了', en: 'e.g. leaking flat, lift broken, managers do nothing' },
    petitionClass: 'claim',
  },
  wages: {
    label: { zh: '工资、劳动、用工', en: 'Wages and work' },
    hint: { zh: '如：拖欠工资、没签合同', en: 'e.g. unpaid wages, no contract' },
    petitionClass: 'claim',
  },
  landAndDemolition: {
    label: { zh: '征地、拆迁、补偿', en: 'Land, demolition, compensation' },
    hint: { zh: '如：拆迁补偿、旧改', en: 'e.g. compensation, redevelopment' },
    petitionClass: 'claim',
  },
  environment: {
    label: { zh: '噪音、油烟、环境', en: 'Noise, fumes, environment' },
    hint: { zh: '如：施工噪音、餐馆油烟、垃圾', en: 'e.g. building noise, restaurant fumes, rubbish' },
    petitionClass: 'claim',
  },
  socialSecurity: {
    label: { zh: '社保、医保、救助', en: 'Social insurance and relief' },
    hint: { zh: '如：养老金、低保、医疗报销', en: 'e.g. pension, subsistence allowance, medical costs' },
    petitionClass: 'claim',
  },
  publicServices: {
    label: { zh: '道路、交通、公共设施', en: 'Roads, transport, public facilities' },
    hint: { zh: '如：路灯坏了、道路破损', en: 'e.g. broken street lights, damaged roads' },
    petitionClass: 'claim',
  },
  lawEnforcement: {
    label: { zh: '对政府部门办事不满', en: 'Unhappy with how an office handled something' },
    hint: { zh: '如：办事拖延、处理结果不服', en: 'e.g. delays, disagree with a decision' },
    petitionClass: 'claim',
  },
  misconduct: {
    label: { zh: '举报公职人员违法违纪', en: 'Report wrongdoing by an official' },
    hint: { zh: '如：吃拿卡要、滥用职权', en: 'e.g. bribes, abuse of power' },
    petitionClass: 'accusation',
  },
  suggestion: {
    label: { zh: '提建议、意见', en: 'Make a suggestion' },
    hint: { zh: '对政府工作的建议', en: 'Ideas for public services' },
    petitionClass: 'suggestion',
  },
  other: {
    label: { zh: '其他问题', en: 'Something else' },
    hint: { zh: '以上都不是', en: 'None of the above' },
    petitionClass: 'claim',
  },
} as const satisfies Record<KioskCategory, KioskCategoryInfo>;

/**
 * The petition class a category maps to (provisional until triage).
 * @example petitionClassOfCategory('misconduct') // 'accusation'
 */
export function petitionClassOfCategory(category: KioskCategory): PetitionClass {
  return kioskCategories[category].petitionClass;
}
