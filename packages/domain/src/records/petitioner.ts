import { z } from 'zod';
import { CreditCode } from '../identity/credit-code.ts';
import { IdCardNumber } from '../identity/id-card.ts';
import { MobileNumber } from '../identity/mobile.ts';
import { PersonName } from '../kiosk/kiosk-submission.ts';
import type { BilingualMessage } from '../messages/messages.ts';

/** 信访人: a person, or an organisation (a legal person needs a 统一社会信用代码). */
export const PetitionerKind = z.enum(['person', 'organisation']);
export type PetitionerKind = z.infer<typeof PetitionerKind>;

export const petitionerKindLabels = {
  person: { zh: '个人', en: 'Person' },
  organisation: { zh: '单位/组织', en: 'Organisation' },
} as const satisfies Record<PetitionerKind, BilingualMessage>;

export const PersonPetitioner = z.object({
  kind: z.literal('person'),
  name: PersonName,
  idCardNumber: IdCardNumber.optional(),
  mobile: MobileNumber.optional(),
  address: z.string().trim().max(200, 'validation.text.tooLong').optional(),
});

export const OrganisationPetitioner = z.object({
  kind: z.literal('organisation'),
  name: z.string().trim().min(1, 'validation.required').max(100, 'validation.text.tooLong'),
  creditCode: CreditCode,
  contactName: PersonName,
  mobile: MobileNumber.optional(),
});

export const Petitioner = z.discriminatedUnion('kind', [PersonPetitioner, OrganisationPetitioner]);
export type Petitioner = z.infer<typeof Petitioner>;
