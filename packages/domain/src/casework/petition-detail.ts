import { z } from 'zod';
import { KioskCategory } from '../kiosk/kiosk-category.ts';
import { Channel, Light, PetitionClass, PetitionStatus } from '../petition/petition.ts';
import { EvaluationRating } from '../records/evaluation.ts';
import { PetitionAction } from '../workflow/petition-action.ts';

const Bilingual = z.object({ zh: z.string(), en: z.string() });

/** One clock as the case detail shows it (a {@link ClockReading} flattened for transport). */
export const ClockView = z.object({
  kind: z.string(),
  party: z.enum(['unit', 'petitioner']),
  state: z.enum(['running', 'paused', 'stopped']),
  startedOn: z.string(),
  stoppedOn: z.string().nullable(),
  statutoryDue: z.string(),
  localTargetDue: z.string().nullable(),
  extensionDays: z.number().int(),
  pausedDays: z.number().int(),
  light: Light,
  uncertain: z.boolean(),
  explanation: Bilingual,
});
export type ClockView = z.infer<typeof ClockView>;

export const TimelineEntry = z.object({
  sequence: z.number().int(),
  type: z.string(),
  label: Bilingual,
  occurredAt: z.string(),
  actorName: z.string().nullable(),
  actorRole: z.string().nullable(),
  unitName: z.string().nullable(),
  /** The event's details, personal data left out. */
  details: z.record(z.string(), z.unknown()),
});
export type TimelineEntry = z.infer<typeof TimelineEntry>;

export const PersonView = z.object({
  petitionerId: z.string().uuid(),
  name: z.string(),
  idNumberMasked: z.string().nullable(),
  mobileMasked: z.string().nullable(),
  isRepresentative: z.boolean(),
  /** Whether an address was recorded (it is stored sealed: shown only through the audited reveal). */
  hasAddress: z.boolean(),
});

export const DocumentSummary = z.object({ id: z.string().uuid(), kind: z.string(), title: z.string(), serialNumber: z.string(), issuedAt: z.string() });

export const RelatedMatter = z.object({
  id: z.string().uuid(),
  trackingCode: z.string(),
  summary: z.string(),
  status: PetitionStatus,
  receivedAt: z.string(),
  relation: z.enum(['samePetitioner', 'repeatConfirmed', 'repeatDismissed', 'mergedInto']),
});

/** A staff member present at the visit's joint reception (1+1+1+N): hall staff and the departments' staff. */
export const ReceptionStaff = z.object({
  id: z.string().uuid(),
  name: z.string(),
  role: z.string(),
  unit: z.object({ id: z.string().uuid(), name: z.string() }),
});
export type ReceptionStaff = z.infer<typeof ReceptionStaff>;

/** The visit a walk-in petition was registered from: when, how many came, and who received them. */
export const VisitReception = z.object({
  arrivedAt: z.string(),
  personCount: z.number().int(),
  isCollective: z.boolean(),
  guidedOnline: z.boolean(),
  staff: z.array(ReceptionStaff),
});
export type VisitReception = z.infer<typeof VisitReception>;

/** The rating of the handling (满意度评价) and what was said with it; `byPetitioner` when the visitor rated it themself. */
export const EvaluationView = z.object({
  rating: EvaluationRating,
  comment: z.string().nullable(),
  recordedAt: z.string(),
  byPetitioner: z.boolean(),
});
export type EvaluationView = z.infer<typeof EvaluationView>;

/** A request for review (复查) or recheck (复核) with the reason given for it: what the reviewer answers. */
export const AppealRequestView = z.object({
  kind: z.enum(['review', 'recheck']),
  reason: z.string(),
  requestedAt: z.string(),
  /** The unit asked to review or recheck. */
  unitName: z.string().nullable(),
  byPetitioner: z.boolean(),
});
export type AppealRequestView = z.infer<typeof AppealRequestView>;

/** The case detail screen: header, persons (masked), clocks, timeline, documents, related matters, actions. */
export const PetitionDetail = z.object({
  id: z.string().uuid(),
  trackingCode: z.string(),
  version: z.number().int(),
  status: PetitionStatus,
  channel: Channel,
  kioskAssisted: z.boolean(),
  petitionClass: PetitionClass.nullable(),
  claimRoute: z.string().nullable(),
  summary: z.string(),
  content: z.string(),
  /** What the visitor wants (希望怎样解决), in their words. */
  request: z.string().nullable(),
  /** Whom the matter is about (反映谁), free text in the visitor's words — not an accusation's accused parties. */
  respondent: z.string().nullable(),
  /** The category the visitor chose at the kiosk, kept beside the petition class set at triage. */
  kioskCategory: KioskCategory.nullable(),
  isCollective: z.boolean(),
  headcount: z.number().int(),
  receivedAt: z.string(),
  hall: z.object({ id: z.string().uuid(), name: z.string() }),
  street: z.object({ id: z.string().uuid(), name: z.string() }).nullable(),
  handlingUnit: z.object({ id: z.string().uuid(), name: z.string() }).nullable(),
  /** An accusation's accused parties (for the routing and assignment pickers, which leave them out). */
  accusedUnitIds: z.array(z.string().uuid()),
  accusedStaffIds: z.array(z.string().uuid()),
  extensionRequest: z.object({ days: z.number().int(), reason: z.string() }).nullable(),
  replyingUnitId: z.string().uuid().nullable(),
  reviewingUnitId: z.string().uuid().nullable(),
  persons: z.array(PersonView),
  dueAt: z.string().nullable(),
  light: Light.nullable(),
  clocks: z.array(ClockView),
  timeline: z.array(TimelineEntry),
  documents: z.array(DocumentSummary),
  related: z.array(RelatedMatter),
  /** Null unless the petition was registered from a visit at a hall. */
  reception: VisitReception.nullable(),
  /** The latest rating, if any. */
  evaluation: EvaluationView.nullable(),
  /** Every review and recheck request with its reason, oldest first. */
  appealRequests: z.array(AppealRequestView),
  /** A counsellor's care form linked to the matter advises follow-up: all other roles ever see of it (never the grade). */
  followUpAdvised: z.boolean(),
  availableActions: z.array(PetitionAction),
});
export type PetitionDetail = z.infer<typeof PetitionDetail>;

/** Addresses one petition at the version the user saw: a stale version is refused (optimistic concurrency). */
export const ActionTarget = z.object({ petitionId: z.string().uuid('validation.invalid'), expectedVersion: z.number().int().positive() });
export type ActionTarget = z.infer<typeof ActionTarget>;

export const ActionOutcome = z.object({ id: z.string().uuid(), version: z.number().int(), status: PetitionStatus, documentId: z.string().uuid().nullable() });
export type ActionOutcome = z.infer<typeof ActionOutcome>;
