import { DomainError } from '@xinfang/domain/errors';
import { isRecordInJurisdiction, type Facets, type RecordKind } from '@xinfang/domain/records/record-kind';
import type { z } from 'zod';
import { appendAudit } from '@xinfang/db/repositories/audit';
import { findRecord, insertRecord, listRecordEvents, listRecords, updateRecord, type StoredRecord } from '@xinfang/db/repositories/records';
import { newRowId } from '../../row-ids.ts';
import { cachedUnits, unitTreeOf, type StaffContext } from '../petitions/workflow.service.ts';

/** A record as every kind's procedures return it: the envelope, the payload parsed by the kind's schema, its facets. */
export interface RecordView<Payload> {
  id: string;
  kind: string;
  unitId: string;
  version: number;
  occurredAt: string;
  payload: Payload;
  facets: Record<string, unknown>;
  createdAt: string;
  updatedAt: string;
}

/** Any kind, as the mechanism handles it (the payload's own type is each caller's `Schema`). */
type Kind<Schema extends z.ZodObject> = RecordKind<Schema, Facets>;

function toView<Schema extends z.ZodObject>(kind: Kind<Schema>, stored: StoredRecord): RecordView<z.output<Schema>> {
  return {
    id: stored.id,
    kind: stored.kind,
    unitId: stored.unitId,
    version: stored.version,
    occurredAt: stored.occurredAt.toISOString(),
    // parsed on every read: a payload the schema no longer accepts is an error here, not a surprise in a screen
    payload: kind.schema.parse(stored.payload),
    facets: stored.facets,
    createdAt: stored.createdAt.toISOString(),
    updatedAt: stored.updatedAt.toISOString(),
  };
}

/** Which payload fields differ (compared as JSON). */
function changedFields(before: Record<string, unknown>, after: Record<string, unknown>): string[] {
  return [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]));
}

async function auditRead(ctx: StaffContext, kind: Pick<Kind<z.ZodObject>, 'auditReads' | 'kind'>, action: string, targetId: string | null): Promise<void> {
  if (!kind.auditReads) return;
  await appendAudit(ctx.db, { occurredAt: ctx.now(), actorId: ctx.actor.staffId, actorRole: ctx.actor.role, action, targetType: kind.kind, targetId, ip: ctx.clientIp });
}

/** Creates a record at the actor's unit, with its `created` event, in one transaction. */
export async function createRecord<Schema extends z.ZodObject>(ctx: StaffContext, kind: Kind<Schema>, payload: unknown) {
  const parsed = kind.schema.parse(payload);
  const now = ctx.now();
  const id = newRowId();
  await ctx.db.transaction().execute((tx) =>
    insertRecord(
      tx,
      { id, kind: kind.kind, unitId: ctx.actor.unitId, unitPath: ctx.unitPath, occurredAt: new Date(kind.occurredAt(parsed)), payload: parsed, facets: kind.facets(parsed) },
      { actorId: ctx.actor.staffId, actorRole: ctx.actor.role, occurredAt: now, fields: Object.keys(parsed) },
    ),
  );
  return getRecord(ctx, kind, id, { audited: false });
}

/** One record, in the reader's jurisdiction (records of another kind or unit are "not found" / refused). */
export async function getRecord<Schema extends z.ZodObject>(ctx: StaffContext, kind: Kind<Schema>, id: string, options: { audited: boolean } = { audited: true }) {
  const stored = await findRecord(ctx.db, kind.kind, id);
  if (!stored) throw new DomainError('record.notFound', 'notFound');
  const tree = unitTreeOf(await cachedUnits(ctx.db));
  if (!isRecordInJurisdiction(tree, stored.unitId, ctx.actor.unitId)) throw new DomainError('access.outsideJurisdiction', 'forbidden');
  if (options.audited) await auditRead(ctx, kind, `read:${kind.kind}`, id);
  return { ...toView(kind, stored), history: await listRecordEvents(ctx.db, id).then((events) => events.map((event) => ({ sequence: event.sequence, type: event.type, actorId: event.actor_id, actorRole: event.actor_role, occurredAt: new Date(event.occurred_at).toISOString(), fields: ((event.payload as { fields?: string[] }).fields ?? []) }))) };
}

/** Replaces a record's payload if nobody changed it since `expectedVersion`; the event names the changed fields. */
export async function updateRecordPayload<Schema extends z.ZodObject>(ctx: StaffContext, kind: Kind<Schema>, id: string, expectedVersion: number, payload: unknown) {
  const before = await getRecord(ctx, kind, id, { audited: false });
  const parsed = kind.schema.parse(payload);
  const fields = changedFields(before.payload, parsed);
  const saved = await ctx.db.transaction().execute((tx) =>
    updateRecord(
      tx,
      id,
      expectedVersion,
      { occurredAt: new Date(kind.occurredAt(parsed)), payload: parsed, facets: kind.facets(parsed) },
      { actorId: ctx.actor.staffId, actorRole: ctx.actor.role, occurredAt: ctx.now(), fields },
    ),
  );
  if (!saved) throw new DomainError('record.versionConflict', 'conflict');
  return getRecord(ctx, kind, id, { audited: false });
}

/** A keyset page of a kind's records in the reader's jurisdiction, newest first, filtered by the kind's facets. */
export async function listKindRecords<Schema extends z.ZodObject>(
  ctx: StaffContext,
  kind: Kind<Schema>,
  input: { limit: number; after?: { occurredAt: string; id: string } | undefined; facets?: Record<string, string | number | boolean> | undefined; from?: string | undefined; to?: string | undefined },
) {
  const page = await listRecords(ctx.db, {
    kind: kind.kind,
    unitPath: ctx.unitPath,
    facets: input.facets,
    occurredFrom: input.from ? new Date(`${input.from}T00:00:00+08:00`) : undefined,
    occurredBefore: input.to ? new Date(Date.parse(`${input.to}T00:00:00+08:00`) + 86_400_000) : undefined,
    limit: input.limit,
    after: input.after,
  });
  await auditRead(ctx, kind, `list:${kind.kind}`, null);
  const items = page.items.map((stored) => toView(kind, stored));
  const last = items.at(-1);
  return { items, total: page.total, nextCursor: items.length === input.limit && last ? { occurredAt: last.occurredAt, id: last.id } : null };
}
