import { z } from 'zod';
import { IdCardNumber } from '../identity/id-card.ts';
import { MobileNumber } from '../identity/mobile.ts';
import { MatterText, PersonName } from '../kiosk/kiosk-submission.ts';
import { Channel, PetitionClass } from '../petition/petition.ts';
import { SafeText } from '../text/safe-text.ts';
import { collectiveVisitThreshold, maximumRepresentatives } from '../records/visit.ts';
import { IsoInstant } from '../time/iso-instant.ts';
import { AccusedParties } from '../workflow/petition-command.ts';

const Id = z.string().uuid('validation.invalid');

/** One person registered at the desk: new (name, optional ID number and mobile) or an existing petitioner reused. */
export const RegisteredPerson = z.object({
  existingPetitionerId: Id.optional(),
  name: PersonName,
  idCardNumber: IdCardNumber.optional(),
  mobile: MobileNumber.optional(),
  isRepresentative: z.boolean().default(false),
});
export type RegisteredPerson = z.input<typeof RegisteredPerson>;

/** The officer's decision on one repeat suggestion shown before saving: recorded either way. */
export const RepeatDecision = z.object({ candidatePetitionId: Id, decision: z.enum(['confirmed', 'dismissed']) });
export type RepeatDecision = z.infer<typeof RepeatDecision>;

/** Channels staff register at the desk; `online` is the public's own (kiosk, phone page). */
export const DeskChannel = Channel.exclude(['online']);
export type DeskChannel = z.infer<typeof DeskChannel>;

/**
 * A walk-in visit, a letter or a phone call registered by a reception officer. Letters and calls carry the date they
 * were actually received. A collective visit (5 or more people) names at most 5 representatives among the persons (Art. 20).
 * @example RegisterMatterInput.parse({ channel: 'letter', receivedAt, hallUnitId, summary: '…', content: '…', persons: [{ name: '张三' }] })
 */
export const RegisterMatterInput = z
  .object({
    channel: DeskChannel,
    receivedAt: IsoInstant,
    hallUnitId: Id,
    streetUnitId: Id.optional(),
    summary: SafeText.trim().min(1, 'validation.required').max(80, 'validation.text.tooLong'),
    content: MatterText,
    petitionClass: PetitionClass.optional(),
    accusedParties: AccusedParties.optional(),
    persons: z.array(RegisteredPerson).min(1, 'registration.personRequired').max(50),
    headcount: z.number().int().positive().max(10000).default(1),
    staffPresentIds: z.array(Id).max(20).default([]),
    guidedOnline: z.boolean().default(false),
    repeatDecisions: z.array(RepeatDecision).max(20).default([]),
    idempotencyKey: Id,
  })
  .superRefine((value, context) => {
    const representatives = value.persons.filter((person) => person.isRepresentative).length;
    if (representatives > maximumRepresentatives) context.addIssue({ code: 'custom', message: 'visit.tooManyRepresentatives', path: ['persons'] });
    if (value.headcount < value.persons.length) context.addIssue({ code: 'custom', message: 'visit.personCountTooSmall', path: ['headcount'] });
    if (representatives > 0 && value.headcount < collectiveVisitThreshold) {
      context.addIssue({ code: 'custom', message: 'registration.headcountTooSmall', path: ['headcount'] });
    }
  });
export type RegisterMatterInput = z.input<typeof RegisterMatterInput>;

export const RegisterMatterResult = z.object({
  id: z.string().uuid(),
  trackingCode: z.string(),
  version: z.number().int(),
  /** An accusation against the receiving unit itself goes up to the nearest unit it does not accuse; the officer is told. */
  escalatedTo: z.object({ unitId: z.string().uuid(), name: z.string() }).optional(),
});
export type RegisterMatterResult = z.infer<typeof RegisterMatterResult>;

/** A possible repeat shown beside the form: an earlier matter of the same person. */
export const RepeatCandidate = z.object({
  petitionId: z.string().uuid(),
  trackingCode: z.string(),
  summary: z.string(),
  status: z.string(),
  receivedAt: z.string(),
  matchedOn: z.enum(['idCard', 'mobile']),
});
export type RepeatCandidate = z.infer<typeof RepeatCandidate>;

export const RepeatCandidatesQuery = z.object({ idCardNumbers: z.array(IdCardNumber).max(50).default([]), mobiles: z.array(MobileNumber).max(50).default([]) });
export type RepeatCandidatesQuery = z.input<typeof RepeatCandidatesQuery>;
