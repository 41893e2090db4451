import { z } from 'zod';
import type { BilingualMessage } from '../messages/messages.ts';
import { IsoInstant } from '../time/iso-instant.ts';

/** A visit batch of this many people or more on one matter is a collective visit (集体访). */
export const collectiveVisitThreshold = 5;
/** A collective visit sends at most this many representatives (Art. 20). */
export const maximumRepresentatives = 5;

/** Whether a visit was the person's first on the matter or a repeat (重复访). */
export const VisitKind = z.enum(['first', 'repeat']);
export type VisitKind = z.infer<typeof VisitKind>;

export const visitKindLabels = {
  first: { zh: '初次来访', en: 'First visit' },
  repeat: { zh: '重复来访', en: 'Repeat visit' },
} as const satisfies Record<VisitKind, BilingualMessage>;

/** 来访: one arrival at a hall, counted as one batch (批次) of `personCount` persons (人次). */
export const Visit = z
  .object({
    id: z.string().uuid(),
    hallUnitId: z.string().uuid(),
    arrivedAt: IsoInstant,
    kind: VisitKind,
    personCount: z.number().int().positive(),
    petitionerIds: z.array(z.string().uuid()).default([]),
    representativeIds: z.array(z.string().uuid()).max(maximumRepresentatives, 'visit.tooManyRepresentatives').default([]),
    petitionIds: z.array(z.string().uuid()).default([]),
    staffPresentIds: z.array(z.string().uuid()).default([]),
    guidedOnline: z.boolean().default(false),
  })
  .refine((visit) => visit.petitionerIds.length <= visit.personCount, { message: 'visit.personCountTooSmall', path: ['personCount'] });
export type Visit = z.infer<typeof Visit>;

/**
 * Whether a visit batch is a collective visit (5 or more people).
 * @example isCollectiveVisit({ personCount: 6 }) // true
 */
export function isCollectiveVisit(visit: Pick<Visit, 'personCount'>): boolean {
  return visit.personCount >= collectiveVisitThreshold;
}
