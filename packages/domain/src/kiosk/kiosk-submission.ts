import { z } from 'zod';
import { checkCreditCode } from '../identity/credit-code.ts';
import { IdCardNumber } from '../identity/id-card.ts';
import { MobileNumber } from '../identity/mobile.ts';
import type { MessageCode } from '../messages/messages.ts';
import { PetitionStatus } from '../petition/petition.ts';
import { SafeText } from '../text/safe-text.ts';
import { KioskCategory } from './kiosk-category.ts';
import { KioskPhoto, maxKioskPhotos } from './kiosk-photo.ts';

export { KioskCategory, kioskCategories, petitionClassOfCategory } from './kiosk-category.ts';
export { decodeBase64, encodeBase64, KioskPhoto, maxKioskPhotoBytes, maxKioskPhotos, sniffImageType } from './kiosk-photo.ts';

/** Letters, CJK, the middle dot of minority names, spaces: no digits or markup in a name. */
const namePattern = /^[\p{L}\p{M}·•.\s'-]+$/u;

/** A person's name as typed: trimmed, 1–50 characters, letters only. */
export const PersonName = SafeText.trim()
  .min(1, 'validation.required')
  .max(50, 'validation.name.invalid')
  .regex(namePattern, 'validation.name.invalid');

/** Free text describing the matter: 5–5000 characters after trimming. */
export const MatterText = SafeText.trim()
  .min(1, 'validation.required')
  .min(5, 'validation.text.tooShort')
  .max(5000, 'validation.text.tooLong');

/** A short optional line (who it is about, an address, an organisation's name). */
const ShortText = SafeText.trim().max(200, 'validation.text.tooLong');

/** An organisation's credit code, or empty: the format is enforced, a checksum failure is only a warning. */
const OptionalCreditCode = SafeText.trim()
  .default('')
  .transform((value, context) => {
    if (value === '') return '';
    const result = checkCreditCode(value);
    if (!result.wellFormed) {
      context.addIssue({ code: 'custom', message: result.code });
      return z.NEVER;
    }
    return result.normalised;
  });

/** Whether the matter is a person's own or an organisation's. */
export const PetitionerKind = z.enum(['person', 'organisation']);
export type PetitionerKind = z.infer<typeof PetitionerKind>;

/** A representative of a collective matter (集体访推选代表, at most 5). */
export const KioskRepresentative = z.object({ name: PersonName, mobile: MobileNumber.optional() });
export type KioskRepresentative = z.input<typeof KioskRepresentative>;

/** Up to 5 representatives. */
export const maxRepresentatives = 5;

/**
 * The fields of a kiosk submission (访转网), without the cross-field rules: who (a person, or an organisation with its
 * credit code and a contact person), identity (ID number with checksum), how to reach them, whether it is a collective
 * matter, what happened (category, place, who it is about, what is asked, facts and reasons), photos, and consent.
 * The idempotency key makes a double tap or a retry create one petition.
 */
export const KioskSubmissionFields = z.object({
  idempotencyKey: z.string().uuid('validation.invalid'),
  petitionerKind: PetitionerKind.default('person'),
  name: PersonName,
  idNumber: IdCardNumber,
  mobile: MobileNumber,
  address: ShortText.default(''),
  organisationName: ShortText.default(''),
  creditCode: OptionalCreditCode,
  collective: z.boolean().default(false),
  headcount: z.number({ message: 'kiosk.collective.headcount' }).int('kiosk.collective.headcount').min(1, 'kiosk.collective.headcount').max(10000, 'kiosk.collective.headcount').default(1),
  representatives: z.array(KioskRepresentative).max(maxRepresentatives, 'kiosk.collective.tooManyRepresentatives').default([]),
  category: KioskCategory.default('other'),
  streetCode: z.string().regex(/^\d{12}$/, 'kiosk.place.unknown').optional(),
  communityCode: z.string().regex(/^\d{12}$/, 'kiosk.place.unknown').optional(),
  about: ShortText.default(''),
  request: SafeText.trim().max(2000, 'validation.text.tooLong').default(''),
  content: MatterText,
  photos: z.array(KioskPhoto).max(maxKioskPhotos, 'kiosk.photo.tooMany').default([]),
  consent: z.literal(true, { message: 'kiosk.consentRequired' }),
});

/** The fields the cross-field rules read. */
export interface KioskCrossFields {
  petitionerKind?: PetitionerKind | undefined;
  organisationName?: string | undefined;
  collective?: boolean | undefined;
  headcount?: number | undefined;
  representatives?: readonly unknown[] | undefined;
}

/**
 * The rules between fields (an organisation needs its name; a collective matter at least 2 people and a
 * representative), usable on a half-filled form too: zod runs an object's refinements only once every field parses.
 * @example kioskCrossFieldIssues({ collective: true, headcount: 1, representatives: [] }).map((issue) => issue.message) // ['kiosk.collective.headcount', 'kiosk.collective.representativeRequired']
 */
export function kioskCrossFieldIssues(value: KioskCrossFields): { path: string; message: MessageCode }[] {
  const issues: { path: string; message: MessageCode }[] = [];
  if (value.petitionerKind === 'organisation' && !value.organisationName?.trim()) issues.push({ path: 'organisationName', message: 'kiosk.organisationNameRequired' });
  if (value.collective) {
    if ((value.headcount ?? 0) < 2) issues.push({ path: 'headcount', message: 'kiosk.collective.headcount' });
    if ((value.representatives?.length ?? 0) === 0) issues.push({ path: 'representatives', message: 'kiosk.collective.representativeRequired' });
  }
  return issues;
}

/** A kiosk submission with its cross-field rules (organisation name; collective headcount and representatives). */
export const KioskSubmission = KioskSubmissionFields.superRefine((value, context) => {
  for (const issue of kioskCrossFieldIssues(value)) context.addIssue({ code: 'custom', message: issue.message, path: [issue.path] });
});
export type KioskSubmission = z.input<typeof KioskSubmission>;
export type ParsedKioskSubmission = z.output<typeof KioskSubmission>;

export const KioskReceipt = z.object({
  trackingCode: z.string(),
  receivedAt: z.string(),
  status: PetitionStatus,
  /** The statutory limits the visitor should know, as plain words, computed on the server's calendar. */
  routeDueOn: z.string().nullable().default(null),
});
export type KioskReceipt = z.infer<typeof KioskReceipt>;

/** What the kiosk needs from the server at start: which hall it stands in, and its idle timings. */
export const KioskConfiguration = z.object({
  hallCode: z.string(),
  hallNameZh: z.string(),
  hallNameEn: z.string(),
  idleWarningSeconds: z.number().int().positive(),
  idleResetSeconds: z.number().int().positive(),
});
export type KioskConfiguration = z.infer<typeof KioskConfiguration>;

/** A street with its communities, for the place pickers. */
export const KioskPlace = z.object({
  code: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  communities: z.array(z.object({ code: z.string(), nameZh: z.string(), nameEn: z.string() })),
});
export type KioskPlace = z.infer<typeof KioskPlace>;
export const KioskPlaces = z.array(KioskPlace);
