import { petitionEventTypeLabels, type PetitionEventType } from '@xinfang/domain/workflow/petition-event';
import { availableActions } from '@xinfang/domain/workflow/apply-action';
import { checkAccess } from '@xinfang/domain/permissions/can';
import { QueueKey, queuesByRole, type QueueCounts, type QueuePage } from '@xinfang/domain/casework/queues';
import type { PetitionDetail } from '@xinfang/domain/casework/petition-detail';
import { appealRequestsOf, evaluationOf, type LoggedEvent } from '@xinfang/domain/casework/visitor-statements';
import { KioskCategory } from '@xinfang/domain/kiosk';
import type { QueueQuery } from '@xinfang/domain/casework/queues';
import { computeClocks } from '@xinfang/domain/clocks/compute-clocks';
import { futianPolicy } from '@xinfang/domain/clocks/clock-rules';
import { PetitionClass, PetitionStatus } from '@xinfang/domain/petition';
import { listDocuments } from '@xinfang/db/repositories/petition-documents';
import { listPetitionPersons, listRelatedPetitions, staffNames } from '@xinfang/db/repositories/petition-people';
import { countQueues, listQueue } from '@xinfang/db/repositories/work-queue';
import { listLinkedRecordFacets } from '@xinfang/db/repositories/records';
import { CareGrade, isFollowUpAdvised } from '@xinfang/domain/records/care-form';
import { recordKinds } from '@xinfang/domain/records/record-kinds';
import { findVisitReception } from '@xinfang/db/repositories/visits';
import type { z } from 'zod';
import { cachedWorkCalendar } from '../calendar/calendar.service.ts';
import {
  accessActorOf,
  accessTargetOfLoaded,
  assertMayView,
  cachedUnits,
  filerNameFor,
  loadPetition,
  readerScopeOf,
  refreshClocks,
  toClockView,
  toEventActor,
  unitTreeOf,
  type StaffContext,
} from './workflow.service.ts';

type ParsedQueueQuery = z.output<typeof QueueQuery>;

function filtersOf(input: ParsedQueueQuery) {
  const { queue: _queue, limit: _limit, after: _after, ...filters } = input;
  return filters;
}

/** A page of a work queue, earliest due first. Clock projections computed before today are refreshed first. */
export async function getQueuePage(ctx: StaffContext, input: ParsedQueueQuery): Promise<QueuePage> {
  await refreshClocks(ctx, { all: false });
  const page = await listQueue(ctx.db, await readerScopeOf(ctx), input.queue, filtersOf(input), { limit: input.limit, after: input.after });
  const { total, totalIsCapped } = page;
  const items = page.items.map((item) => ({ ...item, petitionerName: filerNameFor(ctx.actor, item.petitionClass, item.petitionerName) }));
  const last = items.at(-1);
  return { items, total, totalIsCapped, nextCursor: items.length === input.limit && last ? { dueAt: last.dueAt, id: last.id } : null };
}

/** How many petitions each queue holds for this reader (with the same filters). */
export async function getQueueCounts(ctx: StaffContext, input: ParsedQueueQuery): Promise<QueueCounts> {
  await refreshClocks(ctx, { all: false });
  const queues = QueueKey.options;
  return countQueues(ctx.db, await readerScopeOf(ctx), queues, filtersOf(input));
}

/** The queues to show this reader, in menu order. */
export function queuesForRole(role: string): QueueKey[] {
  return [...(queuesByRole[role] ?? ['all'])];
}

const hiddenPayloadKeys = new Set(['petitionerIds', 'petitionId']);

/** The case detail: header (identity masked), clocks as of now, timeline, documents, related matters, actions. */
export async function getPetitionDetail(ctx: StaffContext, petitionId: string): Promise<PetitionDetail> {
  // independent reads run side by side on the pool; units and the calendar are reference data, kept briefly
  const [loaded, units, calendar] = await Promise.all([
    loadPetition(ctx.db, petitionId),
    cachedUnits(ctx.db),
    cachedWorkCalendar(ctx.db),
  ]);
  const tree = unitTreeOf(units);
  assertMayView(ctx.actor, loaded, tree);
  const { row, state, stored } = loaded;
  const unitName = (id: string | null | undefined) => units.find((unit) => unit.id === id)?.name_zh ?? null;
  const clocks = computeClocks(loaded.events, futianPolicy, calendar, ctx.now().toISOString()).map(toClockView);
  const [names, persons, documents, related, visit] = await Promise.all([
    staffNames(
      ctx.db,
      stored.map((event) => event.actor_id).filter((id): id is string => id !== null),
    ),
    listPetitionPersons(ctx.db, row.id, row.petitioner_id),
    listDocuments(ctx.db, row.id),
    listRelatedPetitions(ctx.db, row.id, await readerScopeOf(ctx)),
    row.visit_id ? findVisitReception(ctx.db, row.visit_id) : undefined,
  ]);
  const target = accessTargetOfLoaded(loaded);
  const careFacets = await listLinkedRecordFacets(ctx.db, recordKinds.careForm.kind, row.id);
  const actions = availableActions(state, toEventActor(ctx.actor)).filter((action) => checkAccess(accessActorOf(ctx.actor), action, target, tree).allowed);
  const relatedMatters: PetitionDetail['related'] = [
    ...related.decisions.map((decision) => ({
      id: decision.id,
      trackingCode: decision.tracking_code,
      summary: decision.summary,
      status: PetitionStatus.parse(decision.status),
      receivedAt: new Date(decision.received_at).toISOString(),
      relation: decision.decision === 'confirmed' ? ('repeatConfirmed' as const) : ('repeatDismissed' as const),
    })),
    ...related.samePetitioner
      .filter((other) => !related.decisions.some((decision) => decision.id === other.id))
      .map((other) => ({
        id: other.id,
        trackingCode: other.tracking_code,
        summary: other.summary,
        status: PetitionStatus.parse(other.status),
        receivedAt: new Date(other.received_at).toISOString(),
        relation: other.id === state.mergedInto ? ('mergedInto' as const) : ('samePetitioner' as const),
      })),
  ];
  const handlingUnitId = state.routedTo?.unitId ?? null;
  // what the visitor said after the reply: their rating and the reasons they (or staff for them) gave for an appeal
  const logged: LoggedEvent[] = stored.map((event) => ({ type: event.type, occurredAt: new Date(event.occurred_at).toISOString(), actorRole: event.actor_role, payload: event.payload }));
  const evaluation = evaluationOf(logged);
  return {
    id: row.id,
    trackingCode: row.tracking_code,
    version: row.version,
    status: state.status,
    channel: state.channel,
    kioskAssisted: state.kioskAssisted,
    petitionClass: state.petitionClass ? PetitionClass.parse(state.petitionClass) : null,
    claimRoute: state.claimRoute ?? null,
    summary: row.summary,
    content: row.content,
    request: row.request,
    respondent: row.respondent,
    kioskCategory: KioskCategory.safeParse(row.kiosk_category).data ?? null,
    isCollective: row.is_collective,
    headcount: row.headcount,
    receivedAt: new Date(row.received_at).toISOString(),
    hall: { id: row.hall_unit_id, name: unitName(row.hall_unit_id) ?? '' },
    street: row.street_unit_id ? { id: row.street_unit_id, name: unitName(row.street_unit_id) ?? '' } : null,
    handlingUnit: handlingUnitId ? { id: handlingUnitId, name: unitName(handlingUnitId) ?? '' } : null,
    accusedUnitIds: [...state.accusedParties.unitIds],
    accusedStaffIds: [...state.accusedParties.staffIds],
    extensionRequest: state.extensionRequest ? { days: state.extensionRequest.days, reason: state.extensionRequest.reason } : null,
    replyingUnitId: state.replyingUnitId ?? null,
    reviewingUnitId: state.reviewingUnitId ?? null,
    persons: persons.map((person) => ({
      petitionerId: person.id,
      name: filerNameFor(ctx.actor, state.petitionClass, person.name),
      idNumberMasked: person.id_number_masked,
      mobileMasked: person.mobile_masked,
      isRepresentative: person.is_representative,
      hasAddress: person.has_address,
    })),
    dueAt: row.due_at ? new Date(row.due_at).toISOString() : null,
    light: row.light === 'green' || row.light === 'yellow' || row.light === 'red' ? row.light : null,
    clocks,
    timeline: stored.map((event) => ({
      sequence: event.sequence,
      type: event.type,
      label: petitionEventTypeLabels[event.type as PetitionEventType] ?? { zh: event.type, en: event.type },
      occurredAt: new Date(event.occurred_at).toISOString(),
      actorName: event.actor_id ? (names.get(event.actor_id) ?? null) : null,
      actorRole: event.actor_role,
      unitName: unitName(event.actor_unit_id),
      details: Object.fromEntries(
        Object.entries((event.payload ?? {}) as Record<string, unknown>).filter(([key]) => !hiddenPayloadKeys.has(key)),
      ),
    })),
    documents: documents.map((document) => ({
      id: document.id,
      kind: document.kind,
      title: (document.content as { title?: string }).title ?? document.kind,
      serialNumber: document.serial_number,
      issuedAt: new Date(document.issued_at).toISOString(),
    })),
    related: relatedMatters,
    reception: visit
      ? {
          arrivedAt: new Date(visit.arrived_at).toISOString(),
          personCount: visit.person_count,
          isCollective: visit.is_collective,
          guidedOnline: visit.guided_online,
          staff: visit.staff.map((member) => ({ id: member.id, name: member.name, role: member.role, unit: { id: member.unitId, name: unitName(member.unitId) ?? '' } })),
        }
      : null,
    evaluation: evaluation ?? null,
    appealRequests: appealRequestsOf(logged).map(({ unitId, ...request }) => ({ ...request, unitName: unitName(unitId) })),
    followUpAdvised: checkAccess(accessActorOf(ctx.actor), 'followUpAdvice.view', target, tree).allowed && careFacets.some((facets) => isFollowUpAdvised(CareGrade.parse(facets.grade))),
    availableActions: actions,
  };
}
