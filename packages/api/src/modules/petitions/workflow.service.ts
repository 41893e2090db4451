import { clockProjection, toClockView } from '@xinfang/domain/casework/clock-projection';
import type { WorkCalendar } from '@xinfang/domain/clocks/work-calendar';
import { documentKindOfAction, formatSerialNumber } from '@xinfang/domain/casework/documents';
import { DomainError } from '@xinfang/domain/errors';
import { shanghaiDay } from '@xinfang/domain/time/calendar-day';
import { checkAccess, accessTargetOf, accessRoles, type AccessActor, type AccessTarget } from '@xinfang/domain/permissions/can';
import { firewallKeysOf } from '@xinfang/domain/permissions/petition-visibility';
import type { ReaderScope } from '@xinfang/db/repositories/petition-visibility';
import type { Actor } from '@xinfang/domain/staff';
import type { UnitTree } from '@xinfang/domain/units/unit-tree';
import { applyAction } from '@xinfang/domain/workflow/apply-action';
import type { PetitionCommandInput } from '@xinfang/domain/workflow/petition-command';
import {
  ActorRole,
  PetitionEvent,
  petitionEventTypeLabels,
  RegistrationPayload,
  upgradeStoredPayload,
  type EventActor,
  type PetitionEventType,
} from '@xinfang/domain/workflow/petition-event';
import { replay } from '@xinfang/domain/workflow/replay';
import type { PetitionState } from '@xinfang/domain/workflow/petition-state';
import { appendAudit } from '@xinfang/db/repositories/audit';
import {
  appendEventsWithProjection,
  findPetitionRow,
  listOpenPetitionIds,
  listPetitionEvents,
  listStaleClockPetitionIds,
  updateClockProjection,
  type PetitionProjection,
  type StoredEventRow,
} from '@xinfang/db/repositories/petition-events';
import { insertDocument, nextDocumentNumber } from '@xinfang/db/repositories/petition-documents';
import { staffNames } from '@xinfang/db/repositories/petition-people';
import { listUnits } from '@xinfang/db/repositories/units';
import { maskName } from '@xinfang/security/masking';
import { cachedReference } from '../../reference-cache.ts';
import type { Executor } from '@xinfang/db/database';
import type { PetitionRow, UnitRow } from '@xinfang/db/schema';
import type { ApiContext } from '../../context.ts';
import { loadWorkCalendar } from '../calendar/calendar.service.ts';
import { buildDocumentContent } from '../documents/document-content.ts';

export type StaffContext = ApiContext & { actor: Actor; unitPath: string };

/** A petition as the workflow sees it: the row, its log as domain events, and the state replayed from them. */
export interface LoadedPetition {
  row: PetitionRow;
  events: PetitionEvent[];
  stored: StoredEventRow[];
  state: PetitionState;
}

function iso(value: Date | string): string {
  return new Date(value).toISOString();
}

function eventActorOf(stored: StoredEventRow): EventActor {
  const role = ActorRole.safeParse(stored.actor_role);
  return { staffId: stored.actor_id, role: role.success ? role.data : 'petitioner', unitId: stored.actor_unit_id };
}

/**
 * The domain events of a stored log. Registrations written before the workflow existed (kiosk, demo seed) carry a
 * shorter payload; their registration is rebuilt from the petition row, which holds the same facts.
 */
export function toDomainEvents(row: PetitionRow, stored: readonly StoredEventRow[]): PetitionEvent[] {
  return stored.map((event) => {
    const occurredAt = iso(event.occurred_at);
    const actor = eventActorOf(event);
    if (event.type === 'registered') {
      const parsed = RegistrationPayload.safeParse(upgradeStoredPayload(event.payload));
      const payload = parsed.success
        ? parsed.data
        : RegistrationPayload.parse({
            petitionId: row.id,
            trackingCode: row.tracking_code,
            channel: row.channel,
            kioskAssisted: row.kiosk_assisted,
            receivedAt: iso(row.received_at),
            hallUnitId: row.hall_unit_id,
            summary: row.summary,
            petitionerIds: [row.petitioner_id],
          });
      return { type: 'registered', occurredAt, actor, payload };
    }
    return PetitionEvent.parse({ type: event.type, occurredAt, actor, payload: upgradeStoredPayload(event.payload) });
  });
}

export async function loadPetition(db: Executor, petitionId: string): Promise<LoadedPetition> {
  const [row, stored] = await Promise.all([findPetitionRow(db, petitionId), listPetitionEvents(db, petitionId)]);
  if (!row) throw new DomainError('petition.notFound', 'notFound');
  const events = toDomainEvents(row, stored);
  return { row, events, stored, state: replay(events) };
}

export function unitTreeOf(units: readonly UnitRow[]): UnitTree {
  return units.map((unit) => ({ id: unit.id, parentId: unit.parent_id, kind: unit.kind as UnitTree[number]['kind'] }));
}

export function accessActorOf(actor: Actor): AccessActor {
  return { staffId: actor.staffId, role: actor.role, unitId: actor.unitId };
}

export function toEventActor(actor: Actor): EventActor {
  return { staffId: actor.staffId, role: actor.role, unitId: actor.unitId };
}

export { clockProjection, toClockView };

export function projectionOf(state: PetitionState, events: readonly PetitionEvent[], calendar: WorkCalendar, units: readonly UnitRow[], now: Date): PetitionProjection {
  const handlingUnitId = state.routedTo?.unitId ?? null;
  // until it is routed, an accusation escalated past its receiving unit belongs to the unit that took it up
  const responsibleUnitId = handlingUnitId ?? state.escalatedToUnitId ?? null;
  const handlingUnit = responsibleUnitId ? units.find((unit) => unit.id === responsibleUnitId) : undefined;
  return {
    status: state.status,
    petitionClass: state.petitionClass ?? null,
    claimRoute: state.claimRoute ?? null,
    handlingUnitId,
    responsiblePath: handlingUnit?.path ?? null,
    accusedUnitIds: state.petitionClass === 'accusation' ? state.accusedParties.unitIds : [],
    accusedStaffIds: state.petitionClass === 'accusation' ? state.accusedParties.staffIds : [],
    ...clockProjection(events, calendar, now),
  };
}

function shanghaiYear(now: Date): number {
  return Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(now));
}

/**
 * The access target of a stored petition: the domain's (hall, responsible and reviewing units…) plus the street and
 * community the matter happened in, which the lists and queues already use for jurisdiction — a street officer
 * sees a district-hall matter from their street, so they may also open it.
 */
export function accessTargetOfLoaded(loaded: Pick<LoadedPetition, 'row' | 'state'>): AccessTarget {
  const target = accessTargetOf(loaded.state);
  const places = [loaded.row.street_unit_id, loaded.row.community_unit_id].filter((id): id is string => id !== null);
  return { ...target, unitIds: [...new Set([...target.unitIds, ...places])] };
}

/** Refuses when the actor's unit has no jurisdiction over the matter or the accusation firewall applies. */
export function assertMayView(actor: Actor, loaded: Pick<LoadedPetition, 'row' | 'state'>, tree: UnitTree): void {
  const decision = checkAccess(accessActorOf(actor), 'petition.view', accessTargetOfLoaded(loaded), tree);
  if (!decision.allowed) throw new DomainError(decision.code, 'forbidden');
}

/**
 * The reader as every list of petitions filters by it (jurisdiction by unit path, and the accusation firewall's keys):
 * the one scope that queues, counts, the petitions list, search, related matters and repeat candidates all take.
 */
export async function readerScopeOf(ctx: StaffContext): Promise<ReaderScope> {
  const tree = unitTreeOf(await cachedUnits(ctx.db));
  const mayViewAccusers = (accessRoles['accuser.view'] as readonly string[]).includes(ctx.actor.role);
  return { unitPath: ctx.unitPath, unitId: ctx.actor.unitId, firewall: firewallKeysOf(ctx.actor, tree), mayViewAccusers };
}

const shanghaiMinute = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });

/**
 * The refusal of a step taken on a version the user no longer sees: who recorded what, and when, since that version
 * (the newest such event), so the person knows what changed under them.
 */
async function versionConflict(db: Executor, petitionId: string, expectedVersion: number): Promise<DomainError> {
  const events = await listPetitionEvents(db, petitionId);
  const latest = events.filter((event) => event.sequence > expectedVersion).at(-1) ?? events.at(-1);
  const names = latest?.actor_id ? await staffNames(db, [latest.actor_id]) : new Map<string, string>();
  const staffName = latest?.actor_id ? names.get(latest.actor_id) : undefined;
  const [whoZh, whoEn] = staffName ? [staffName, staffName] : latest?.actor_role === 'petitioner' ? ['来访人', 'The visitor'] : ['其他人员', 'Someone else'];
  const label = latest ? petitionEventTypeLabels[latest.type as PetitionEventType] : undefined;
  return new DomainError('petition.versionConflict', 'conflict', {
    params: {
      whoZh,
      whoEn,
      whatZh: label?.zh ?? '更新',
      whatEn: label?.en ?? 'an update',
      at: latest ? shanghaiMinute.format(new Date(latest.occurred_at)) : '',
    },
  });
}

/** Masks who filed an accusation for a role without `accuser.view` (lists: jurisdiction and firewall already applied). */
export function filerNameFor(actor: Actor, petitionClass: string | null | undefined, name: string): string {
  if (petitionClass !== 'accusation' || (accessRoles['accuser.view'] as readonly string[]).includes(actor.role)) return name;
  return maskName(name);
}

/** Every unit, kept briefly (reference data: see reference-cache.ts), for read paths outside a transaction. */
export function cachedUnits(db: Executor): Promise<UnitRow[]> {
  return cachedReference(db, 'units', () => listUnits(db));
}

/** The petition, if the reader may view it (jurisdiction, accusation firewall, recusal); refuses otherwise. */
export async function loadViewablePetition(ctx: StaffContext, petitionId: string): Promise<{ loaded: LoadedPetition; units: UnitRow[] }> {
  const [loaded, units] = await Promise.all([loadPetition(ctx.db, petitionId), cachedUnits(ctx.db)]);
  assertMayView(ctx.actor, loaded, unitTreeOf(units));
  return { loaded, units };
}

/**
 * One workflow step: load the log → the domain's `applyAction` → append the events, update the projection and issue
 * the step's notice, all in one transaction. `expectedVersion` is the version the user saw: a stale one is refused
 * with a conflict and changes nothing.
 */
export async function performAction(ctx: StaffContext, petitionId: string, expectedVersion: number, command: PetitionCommandInput) {
  const now = ctx.now();
  return ctx.db.transaction().execute(async (tx) => {
    const loaded = await loadPetition(tx, petitionId);
    const units = await listUnits(tx);
    const tree = unitTreeOf(units);
    assertMayView(ctx.actor, loaded, tree);
    if (loaded.row.version !== expectedVersion) throw await versionConflict(tx, petitionId, expectedVersion);
    if (command.action === 'merge') {
      const target = await findPetitionRow(tx, command.intoPetitionId);
      if (!target) throw new DomainError('petition.mergeTargetNotFound', 'invalid');
    }
    const result = applyAction(loaded.state, command, toEventActor(ctx.actor), now.toISOString(), { unitTree: tree });
    const recusal = checkAccess(accessActorOf(ctx.actor), command.action, accessTargetOfLoaded(loaded), tree);
    if (!recusal.allowed) throw new DomainError(recusal.code, 'forbidden');
    const events = [...loaded.events, ...result.events];
    const calendar = await loadWorkCalendar(tx);
    const projection = projectionOf(result.state, events, calendar, units, now);
    const moved = await appendEventsWithProjection(
      tx,
      petitionId,
      expectedVersion,
      result.events.map((event) => ({
        type: event.type,
        actorId: event.actor.staffId,
        actorRole: event.actor.role,
        actorUnitId: event.actor.unitId,
        occurredAt: new Date(event.occurredAt),
        payload: event.payload,
      })),
      projection,
      now,
    );
    if (!moved) throw await versionConflict(tx, petitionId, expectedVersion);
    let documentId: string | null = null;
    const kind = documentKindOfAction(command.action, command.action === 'notAccept' ? command.reason : undefined);
    if (kind) {
      const year = shanghaiYear(now);
      const serialNumber = formatSerialNumber(kind, year, await nextDocumentNumber(tx, kind, year));
      const content = await buildDocumentContent(tx, { kind, row: loaded.row, before: loaded.state, after: result.state, command, units, now, serialNumber });
      documentId = await insertDocument(tx, {
        petitionId,
        kind,
        serialNumber,
        issuedAt: now,
        issuedBy: ctx.actor.staffId,
        issuingUnitId: content.issuingUnitId,
        eventSequence: expectedVersion + result.events.length,
        content: content.document,
      });
    }
    await appendAudit(tx, {
      occurredAt: now,
      actorId: ctx.actor.staffId,
      actorRole: ctx.actor.role,
      action: `petition.${command.action}`,
      targetType: 'petition',
      targetId: petitionId,
      ip: ctx.clientIp,
    });
    return { id: petitionId, version: result.state.version, status: result.state.status, documentId };
  });
}

/**
 * Recomputes the stored clock projection of open petitions: all of them (after a calendar change), or those last
 * computed before today (lights move with time). Returns how many were recomputed.
 */
export async function refreshClocks(ctx: ApiContext, options: { all: boolean }): Promise<number> {
  const now = ctx.now();
  const today = shanghaiDay(now.toISOString());
  const ids = options.all ? await listOpenPetitionIds(ctx.db) : await listStaleClockPetitionIds(ctx.db, today);
  if (ids.length === 0) return 0;
  const calendar = await loadWorkCalendar(ctx.db);
  for (const id of ids) {
    await ctx.db.transaction().execute(async (tx) => {
      const loaded = await loadPetition(tx, id);
      await updateClockProjection(tx, id, loaded.row.version, clockProjection(loaded.events, calendar, now));
    });
  }
  return ids.length;
}
