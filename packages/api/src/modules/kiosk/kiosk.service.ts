import { newRowId } from '../../row-ids.ts';
import { computeDueDate } from '@xinfang/domain/clocks/due-date';
import type { WorkCalendar } from '@xinfang/domain/clocks/work-calendar';
import { DomainError } from '@xinfang/domain/errors';
import { decodeBase64, petitionClassOfCategory, type KioskPlace, type KioskReceipt, type ParsedKioskSubmission } from '@xinfang/domain/kiosk';
import { shanghaiDay } from '@xinfang/domain/time/calendar-day';
import { generateTrackingCode } from '@xinfang/domain/tracking-code';
import { registerPetition } from '@xinfang/domain/workflow/register-petition';
import { findKioskSubmissionByKey, insertKioskSubmissions, listPlacesUnder, type KioskSubmissionRows, type PlaceRow } from '@xinfang/db/repositories/kiosk';
import { getUnitByCode } from '@xinfang/db/repositories/units';
import { encryptPersonalData, hashPersonalData, protectIdNumber, protectMobile, type PersonalDataKeys } from '@xinfang/security/personal-data';
import type { ApiContext } from '../../context.ts';
import { BatchedWriter } from '../../batched-writer.ts';
import { cachedReference } from '../../reference-cache.ts';
import { cachedWorkCalendar } from '../calendar/calendar.service.ts';

/** The petitioner as an actor: no staff id, no unit. */
const petitionerActor = { staffId: null, role: 'petitioner', unitId: null } as const;

/** The statutory routing limit (Art. 22: 15 days) from the day of receipt, on the bureau's working calendar. */
function routeDueOn(receivedAt: Date, calendar: WorkCalendar): string {
  return computeDueDate(shanghaiDay(receivedAt.toISOString()), { count: 15, unit: 'calendarDays' }, calendar).date;
}

async function receiptOf(ctx: ApiContext, row: { tracking_code: string; received_at: Date | string }): Promise<KioskReceipt> {
  const receivedAt = new Date(row.received_at);
  const calendar = await cachedWorkCalendar(ctx.db);
  return { trackingCode: row.tracking_code, receivedAt: receivedAt.toISOString(), status: 'registered', routeDueOn: routeDueOn(receivedAt, calendar) };
}

function summaryOf(content: string): string {
  const firstLine = content.split(/[\n。！？!?]/)[0]?.trim() ?? content;
  return [...(firstLine || content)].slice(0, 40).join('');
}

/** JSON with every object's keys in order, so that equal values give equal text whatever order they were built in. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, field]) => field !== undefined);
    return `{${entries
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([key, field]) => `${JSON.stringify(key)}:${canonicalJson(field)}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * What a retry must repeat: the keyed hash (HMAC, so it confirms no guess of the personal data in it) of the submission
 * as parsed — normalised, defaults filled — without its idempotency key.
 */
function submissionHash(keys: PersonalDataKeys, input: ParsedKioskSubmission): string {
  const { idempotencyKey: _key, ...submission } = input;
  return hashPersonalData(keys, canonicalJson(submission), 'kiosk.submission');
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === '23505';
}

/** The kiosk's hall and the streets and communities it covers: read once per `referenceTtlMs`, not per visitor. */
function hallAndPlaces(ctx: ApiContext) {
  const code = ctx.kiosk.hallUnitCode;
  return cachedReference(ctx.db, `kioskHall:${code}`, async () => {
    const hall = await getUnitByCode(ctx.db, code);
    return { hall, places: await listPlacesUnder(ctx.db, hall.path) };
  });
}

/** Finds the street and community the visitor picked, both under the hall; an unknown or mismatched pair is refused. */
function resolvePlaces(places: readonly PlaceRow[], input: ParsedKioskSubmission) {
  if (!input.streetCode && !input.communityCode) return { streetId: null, communityId: null, path: null };
  const street = input.streetCode ? places.find((place) => place.kind === 'street' && place.code === input.streetCode) : undefined;
  const community = input.communityCode ? places.find((place) => place.kind === 'community' && place.code === input.communityCode) : undefined;
  if ((input.streetCode && !street) || (input.communityCode && !community) || (street && community && community.parent_id !== street.id)) {
    throw new DomainError('kiosk.place.unknown', 'invalid');
  }
  const streetRow = street ?? places.find((place) => place.id === community?.parent_id);
  return { streetId: streetRow?.id ?? null, communityId: community?.id ?? null, path: streetRow?.path ?? null };
}

/**
 * Kiosk submissions of one database go through one group-committing writer: under load, submissions that arrive
 * while two batches are being written are written together (one statement, one commit). Measured at 1M petitions
 * (docs/benchmarks.md): two batches in flight on a two-core machine.
 */
const intakeWriters = new WeakMap<object, BatchedWriter<KioskSubmissionRows>>();

export function intakeWriter(db: ApiContext['db']): BatchedWriter<KioskSubmissionRows> {
  let writer = intakeWriters.get(db);
  if (!writer) {
    writer = new BatchedWriter<KioskSubmissionRows>({
      writeBatch: (batch) => insertKioskSubmissions(db, batch),
      maxConcurrentBatches: 2,
      maxBatchSize: 32,
      // photos (≤ 3 × 300 KiB each) keep a statement to a few MiB
      maxBatchWeight: 4 * 1024 * 1024,
      weightOf: (rows) => 2048 + rows.attachments.reduce((sum, attachment) => sum + attachment.data.byteLength, 0),
    });
    intakeWriters.set(db, writer);
  }
  return writer;
}

/**
 * A visitor's self-service submission (访转网): one statement writes the petitioner (personal data encrypted),
 * representatives of a collective matter, the petition with the domain's `registered` event, the photos and the audit
 * record: atomic without a transaction, one round trip, shared with the submissions that arrived beside it. The
 * idempotency key makes a retry (or a double tap) return the first receipt: the petition's unique key refuses the
 * second statement, which writes nothing, and the first receipt is answered — only to the same submission: the key
 * is stored with the submission's hash, and a key reused with another submission (or one a staff registration used) is
 * refused with a conflict, never answered with the first visitor's receipt.
 */
export async function submitFromKiosk(ctx: ApiContext, input: ParsedKioskSubmission): Promise<KioskReceipt> {
  const now = ctx.now();
  const { hall, places } = await hallAndPlaces(ctx);
  const place = resolvePlaces(places, input);
  const petitionId = newRowId();
  const petitionerId = newRowId();
  const trackingCode = generateTrackingCode(ctx.randomBytes);
  const summary = summaryOf(input.content);
  const payloadHash = submissionHash(ctx.keys, input);
  const { events } = registerPetition(
    {
      petitionId,
      trackingCode,
      channel: 'online',
      kioskAssisted: true,
      receivedAt: now.toISOString(),
      hallUnitId: hall.id,
      petitionClass: petitionClassOfCategory(input.category),
      summary,
    },
    petitionerActor,
    now.toISOString(),
  );
  const registered = events[0]!;
  const mobile = protectMobile(ctx.keys, input.mobile);
  const idNumber = protectIdNumber(ctx.keys, input.idNumber);
  const isOrganisation = input.petitionerKind === 'organisation';
  try {
    await intakeWriter(ctx.db).write({
      petitioner: {
        id: petitionerId,
        kind: input.petitionerKind,
        name: isOrganisation ? input.organisationName : input.name,
        contact_name: isOrganisation ? input.name : null,
        credit_code: isOrganisation && input.creditCode ? input.creditCode : null,
        id_number_cipher: idNumber.cipher,
        id_number_hash: idNumber.hash,
        id_number_masked: idNumber.masked,
        mobile_cipher: mobile.cipher,
        mobile_hash: mobile.hash,
        mobile_masked: mobile.masked,
        mobile_last4_hash: mobile.last4Hash,
        address_cipher: input.address ? encryptPersonalData(ctx.keys, input.address) : null,
      },
      representatives: input.representatives.map((representative) => {
        const protectedMobile = representative.mobile ? protectMobile(ctx.keys, representative.mobile) : undefined;
        return {
          id: newRowId(),
          kind: 'person' as const,
          name: representative.name,
          contact_name: null,
          credit_code: null,
          id_number_cipher: null,
          id_number_hash: null,
          id_number_masked: null,
          mobile_cipher: protectedMobile?.cipher ?? null,
          mobile_hash: protectedMobile?.hash ?? null,
          mobile_masked: protectedMobile?.masked ?? null,
          mobile_last4_hash: protectedMobile?.last4Hash ?? null,
          address_cipher: null,
        };
      }),
      petition: {
        id: petitionId,
        tracking_code: trackingCode,
        status: 'registered',
        channel: 'online',
        kiosk_assisted: true,
        petition_class: petitionClassOfCategory(input.category),
        kiosk_category: input.category,
        summary,
        content: input.content,
        request: input.request || null,
        respondent: input.about || null,
        petitioner_id: petitionerId,
        is_collective: input.collective,
        headcount: input.collective ? input.headcount : 1,
        hall_unit_id: hall.id,
        street_unit_id: place.streetId,
        community_unit_id: place.communityId,
        scope_path: place.path ?? hall.path,
        received_at: now,
        registered_at: now,
        updated_at: now,
        idempotency_key: input.idempotencyKey,
        idempotency_payload_hash: payloadHash,
      },
      firstEvent: {
        petition_id: petitionId,
        sequence: 1,
        type: registered.type,
        actor_id: null,
        actor_role: 'petitioner',
        actor_unit_id: null,
        occurred_at: now,
        payload: JSON.stringify(registered.payload),
      },
      attachments: input.photos.map((photo) => ({ contentType: photo.contentType, data: decodeBase64(photo.dataBase64) })),
      audit: { occurredAt: now, actorId: null, actorRole: 'kiosk', action: 'kiosk.submit', targetType: 'petition', targetId: petitionId, ip: ctx.clientIp },
    });
  } catch (error) {
    // the key was used before: a retry, a double tap or a concurrent retry that won the race gets the first receipt;
    // another submission under the same key (a kiosk bug, a replay, a guess) gets a conflict and learns nothing
    if (isUniqueViolation(error)) {
      const first = await findKioskSubmissionByKey(ctx.db, input.idempotencyKey);
      if (first) {
        if (first.idempotency_payload_hash !== payloadHash) throw new DomainError('kiosk.idempotencyKeyReused', 'conflict', { cause: error });
        return receiptOf(ctx, first);
      }
    }
    throw error;
  }
  return receiptOf(ctx, { tracking_code: trackingCode, received_at: now });
}

export async function getKioskConfiguration(ctx: ApiContext) {
  const hall = await ctx.db.selectFrom('units').select(['name_zh', 'name_en', 'code']).where('code', '=', ctx.kiosk.hallUnitCode).executeTakeFirst();
  if (!hall) throw new DomainError('kiosk.hallUnknown', 'notFound');
  return {
    hallCode: hall.code,
    hallNameZh: `${hall.name_zh}人民来访接待厅`,
    hallNameEn: `${hall.name_en} Reception Hall`,
    idleWarningSeconds: ctx.kiosk.idleWarningSeconds,
    idleResetSeconds: ctx.kiosk.idleResetSeconds,
  };
}

/** The streets (with their communities) the hall covers, for the place pickers. */
export async function listKioskPlaces(ctx: ApiContext): Promise<KioskPlace[]> {
  const { places: rows } = await hallAndPlaces(ctx);
  return rows
    .filter((row) => row.kind === 'street')
    .map((street) => ({
      code: street.code,
      nameZh: street.name_zh,
      nameEn: street.name_en,
      communities: rows
        .filter((row) => row.kind === 'community' && row.parent_id === street.id)
        .map((community) => ({ code: community.code, nameZh: community.name_zh, nameEn: community.name_en })),
    }));
}
