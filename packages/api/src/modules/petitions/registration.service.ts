import { newRowId } from '../../row-ids.ts';
import type { RepeatCandidate } from '@xinfang/domain/casework/registration';
import { DomainError } from '@xinfang/domain/errors';
import { generateTrackingCode } from '@xinfang/domain/tracking-code';
import { registerPetition } from '@xinfang/domain/workflow/register-petition';
import { appendAudit } from '@xinfang/db/repositories/audit';
import { findPetitionByIdempotencyKey } from '@xinfang/db/repositories/petitions';
import { insertRegisteredPetition } from '@xinfang/db/repositories/petition-events';
import { findPetitionerByIdNumberHash, findPetitionsByPersonHashes, findVisiblePetitionIds, isPetitionerVisibleTo } from '@xinfang/db/repositories/petition-people';
import { escalationUnitOf } from '@xinfang/domain/permissions/petition-visibility';
import { isWithinUnit } from '@xinfang/domain/units/unit-tree';
import { listUnits } from '@xinfang/db/repositories/units';
import { protectIdNumber, protectMobile } from '@xinfang/security/personal-data';
import type { z } from 'zod';
import type { RegisterMatterInput as RegisterMatterSchema, RepeatCandidatesQuery as RepeatQuerySchema } from '@xinfang/domain/casework/registration';
import { loadWorkCalendar } from '../calendar/calendar.service.ts';
import { projectionOf, readerScopeOf, toEventActor, unitTreeOf, type StaffContext } from './workflow.service.ts';

type ParsedRegistration = z.output<typeof RegisterMatterSchema>;
type ParsedRepeatQuery = z.output<typeof RepeatQuerySchema>;

/**
 * Registers a walk-in visit, a letter or a phone call: persons (encrypted identity, reusing a petitioner already
 * known by ID number), the visit batch for visits (headcount, representatives, joint-reception staff), the petition
 * with its `registered` event and clocks, the officer's repeat decisions and the audit record — one transaction.
 * A retry with the same idempotency key returns the first registration.
 */
export async function registerMatter(ctx: StaffContext, input: ParsedRegistration) {
  const existing = await findPetitionByIdempotencyKey(ctx.db, input.idempotencyKey);
  if (existing) {
    const row = await ctx.db.selectFrom('petitions').select(['id', 'tracking_code', 'version']).where('id', '=', existing.id).executeTakeFirstOrThrow();
    return { id: row.id, trackingCode: row.tracking_code, version: row.version };
  }
  const now = ctx.now();
  const petitionId = newRowId();
  const trackingCode = generateTrackingCode(ctx.randomBytes);
  const reader = await readerScopeOf(ctx);
  return ctx.db.transaction().execute(async (tx) => {
    const units = await listUnits(tx);
    const tree = unitTreeOf(units);
    const hall = units.find((unit) => unit.id === input.hallUnitId);
    if (!hall) throw new DomainError('registration.hallRequired', 'invalid');
    // an officer registers in a hall of their own jurisdiction, and links only persons and matters they may see
    if (!isWithinUnit(tree, hall.id, ctx.actor.unitId)) throw new DomainError('access.outsideJurisdiction', 'forbidden');
    const candidateIds = input.repeatDecisions.map((decision) => decision.candidatePetitionId);
    const visibleCandidates = await findVisiblePetitionIds(tx, candidateIds, reader);
    if (candidateIds.some((id) => !visibleCandidates.has(id))) throw new DomainError('access.outsideJurisdiction', 'forbidden');
    const accused = input.petitionClass === 'accusation' ? input.accusedParties : undefined;
    const knownUnitIds = new Set(units.map((unit) => unit.id));
    if (accused?.unitIds.some((id) => !knownUnitIds.has(id))) throw new DomainError('unit.notFound', 'invalid');
    const escalatedToUnitId = accused ? escalationUnitOf(tree, hall.id, accused) : undefined;
    const street = input.streetUnitId ? units.find((unit) => unit.id === input.streetUnitId) : hall.kind === 'street' ? hall : undefined;
    if (input.streetUnitId && !street) throw new DomainError('unit.notFound', 'invalid');

    const persons: { id: string; isRepresentative: boolean }[] = [];
    for (const person of input.persons) {
      let petitionerId = person.existingPetitionerId;
      if (petitionerId) {
        const known = await tx.selectFrom('petitioners').select('id').where('id', '=', petitionerId).executeTakeFirst();
        if (!known) throw new DomainError('validation.invalid', 'invalid');
        if (!(await isPetitionerVisibleTo(tx, petitionerId, reader))) throw new DomainError('access.outsideJurisdiction', 'forbidden');
      }
      const idNumber = person.idCardNumber ? protectIdNumber(ctx.keys, person.idCardNumber) : undefined;
      if (!petitionerId && idNumber) {
        // reuse a person known by this ID number only when the officer may see one of their matters; otherwise a typed
        // ID number would attach the new matter to (and reveal) someone the officer may not see, e.g. their accuser
        const known = (await findPetitionerByIdNumberHash(tx, idNumber.hash))?.id;
        if (known && (await isPetitionerVisibleTo(tx, known, reader))) petitionerId = known;
      }
      if (!petitionerId) {
        const mobile = person.mobile ? protectMobile(ctx.keys, person.mobile) : undefined;
        const inserted = await tx
          .insertInto('petitioners')
          .values({
            kind: 'person',
            name: person.name,
            id_number_cipher: idNumber?.cipher ?? null,
            id_number_hash: idNumber?.hash ?? null,
            id_number_masked: idNumber?.masked ?? null,
            mobile_cipher: mobile?.cipher ?? null,
            mobile_hash: mobile?.hash ?? null,
            mobile_masked: mobile?.masked ?? null,
            mobile_last4_hash: mobile?.last4Hash ?? null,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        petitionerId = inserted.id;
      }
      if (!persons.some((known) => known.id === petitionerId)) persons.push({ id: petitionerId, isRepresentative: person.isRepresentative });
    }
    const primary = persons[0];
    if (!primary) throw new DomainError('registration.personRequired', 'invalid');

    let visitId: string | undefined;
    if (input.channel === 'visit') {
      const visit = await tx
        .insertInto('visits')
        .values({
          hall_unit_id: hall.id,
          arrived_at: new Date(input.receivedAt),
          person_count: input.headcount,
          is_collective: input.headcount >= 5,
          guided_online: input.guidedOnline,
          staff_present: JSON.stringify([...new Set([ctx.actor.staffId, ...input.staffPresentIds])]),
          registered_by: ctx.actor.staffId,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      visitId = visit.id;
    }

    const { state, events } = registerPetition(
      {
        petitionId,
        trackingCode,
        channel: input.channel,
        kioskAssisted: false,
        receivedAt: new Date(input.receivedAt).toISOString(),
        hallUnitId: hall.id,
        petitionClass: input.petitionClass,
        summary: input.summary,
        petitionerIds: persons.map((person) => person.id),
        accusedParties: input.accusedParties,
        escalatedToUnitId,
        visitId,
      },
      toEventActor(ctx.actor),
      now.toISOString(),
    );
    const calendar = await loadWorkCalendar(tx);
    const projection = projectionOf(state, events, calendar, units, now);
    const [event] = events;
    if (!event) throw new DomainError('workflow.notRegistered', 'invalid');
    await insertRegisteredPetition(
      tx,
      {
        id: petitionId,
        tracking_code: trackingCode,
        version: state.version,
        status: state.status,
        channel: input.channel,
        kiosk_assisted: false,
        petition_class: projection.petitionClass,
        summary: input.summary,
        content: input.content,
        petitioner_id: primary.id,
        is_collective: input.headcount >= 5,
        headcount: input.headcount,
        hall_unit_id: hall.id,
        street_unit_id: street?.id ?? null,
        scope_path: (street ?? hall).path,
        received_at: new Date(input.receivedAt),
        registered_at: now,
        registered_by: ctx.actor.staffId,
        idempotency_key: input.idempotencyKey,
        accused_unit_ids: [...projection.accusedUnitIds],
        accused_staff_ids: [...projection.accusedStaffIds],
        responsible_path: projection.responsiblePath,
        due_at: projection.dueAt,
        light: projection.light,
        clocks: JSON.stringify(projection.clocks),
        updated_at: now,
        visit_id: visitId ?? null,
      },
      { type: event.type, actorId: ctx.actor.staffId, actorRole: ctx.actor.role, actorUnitId: ctx.actor.unitId, occurredAt: now, payload: event.payload },
    );
    await tx
      .insertInto('petition_petitioners')
      .values(persons.map((person) => ({ petition_id: petitionId, petitioner_id: person.id, is_representative: person.isRepresentative })))
      .execute();
    if (input.repeatDecisions.length) {
      await tx
        .insertInto('repeat_decisions')
        .values(
          input.repeatDecisions.map((decision) => ({
            petition_id: petitionId,
            candidate_petition_id: decision.candidatePetitionId,
            decision: decision.decision,
            decided_by: ctx.actor.staffId,
            decided_at: now,
          })),
        )
        .execute();
    }
    await appendAudit(tx, {
      occurredAt: now,
      actorId: ctx.actor.staffId,
      actorRole: ctx.actor.role,
      action: 'petition.register',
      targetType: 'petition',
      targetId: petitionId,
      ip: ctx.clientIp,
    });
    const escalatedTo = escalatedToUnitId ? units.find((unit) => unit.id === escalatedToUnitId) : undefined;
    return { id: petitionId, trackingCode, version: state.version, ...(escalatedTo ? { escalatedTo: { unitId: escalatedTo.id, name: escalatedTo.name_zh } } : {}) };
  });
}

/** Earlier matters of the persons being registered, matched on keyed hashes of ID number or mobile. */
export async function findRepeatCandidates(ctx: StaffContext, input: ParsedRepeatQuery): Promise<RepeatCandidate[]> {
  const idHashes = input.idCardNumbers.map((number) => protectIdNumber(ctx.keys, number).hash);
  const mobileHashes = input.mobiles.map((mobile) => protectMobile(ctx.keys, mobile).hash);
  const rows = await findPetitionsByPersonHashes(ctx.db, idHashes, mobileHashes, await readerScopeOf(ctx));
  const seen = new Set<string>();
  const candidates: RepeatCandidate[] = [];
  for (const row of rows) {
    if (seen.has(row.id)) continue;
    seen.add(row.id);
    candidates.push({
      petitionId: row.id,
      trackingCode: row.tracking_code,
      summary: row.summary,
      status: row.status,
      receivedAt: new Date(row.received_at).toISOString(),
      matchedOn: row.id_number_hash && idHashes.includes(row.id_number_hash) ? 'idCard' : 'mobile',
    });
  }
  return candidates;
}
