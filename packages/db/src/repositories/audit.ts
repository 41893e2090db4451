import { createHash } from 'node:crypto';
import { sql, type OperationNodeSource } from 'kysely';
import type { Executor } from '../database.ts';

/** Number of independent hash chains: writers in different chains never wait for each other. */
export const auditChainCount = 64;

export interface AuditEntry {
  occurredAt: Date;
  actorId: string | null;
  actorRole: string | null;
  action: string;
  targetType?: string | null;
  targetId?: string | null;
  ip?: string | null;
  details?: Record<string, unknown>;
}

/** JSON with object keys sorted at every level, so the hash does not depend on jsonb's key order. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

interface HashedFields {
  occurredAt: Date;
  actorId: string | null;
  actorRole: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  ip: string | null;
  details: unknown;
  chain: number;
}

/**
 * Version 1 (records written before 2026-11-25T16:30Z): sha256 of the canonical JSON of the fields with the
 * predecessor's hash. Still verified; no longer written.
 */
function hashAuditRowV1(previousHash: string | null, row: HashedFields): string {
  const content = canonicalJson({ ...row, occurredAt: row.occurredAt.toISOString(), previousHash });
  return createHash('sha256').update(content).digest('hex');
}

/** The digest of one record's own fields (its canonical JSON), computed by the writer. */
export function auditContentDigest(row: HashedFields): string {
  return createHash('sha256').update(canonicalJson({ ...row, occurredAt: row.occurredAt.toISOString() })).digest('hex');
}

/**
 * Version 2: sha256 of `<predecessor's hash or empty>:<content digest>`. Split this way so the database can link a
 * record to its chain's head in the same statement that locks the head (see `auditStatement`); the verifier
 * recomputes both parts.
 */
export function linkAuditHash(previousHash: string | null, contentDigest: string): string {
  return createHash('sha256').update(`${previousHash ?? ''}:${contentDigest}`).digest('hex');
}

/** The hash of one audit row given its predecessor's hash in the same chain, in the row's hash version. */
export function hashAuditRow(previousHash: string | null, row: HashedFields, version = 2): string {
  return version === 1 ? hashAuditRowV1(previousHash, row) : linkAuditHash(previousHash, auditContentDigest(row));
}

/**
 * The chain a record joins. One staff member's records share a chain (their history reads in order); anonymous
 * records (kiosk, tracking) spread by their target, which is random, so one busy kiosk address does not queue on one
 * chain; failed sign-ins without an account fall back to the address.
 */
export function chainFor(entry: Pick<AuditEntry, 'actorId' | 'targetId' | 'ip'>): number {
  const key = entry.actorId ?? entry.targetId ?? entry.ip ?? '';
  let sum = 0;
  for (const character of key) sum = (sum * 31 + character.charCodeAt(0)) % 65_521;
  return sum % auditChainCount;
}

/** A data-modifying statement to run before the audit record, in the same statement (a common table expression). */
export interface PrecedingWrite {
  name: string;
  query: OperationNodeSource;
}

/**
 * One statement that appends audit records to one hash chain: it locks the chain's head row (`for update`, which
 * serialises writers of one chain until their transaction ends and returns the newest committed hash), links the
 * records one after another from that hash (each link computed by the database: sha256 of `<previous>:<content
 * digest>`), inserts them in that order and moves the head to the last. The chain is the first record's
 * (`chainFor`); several records share it so that a batch locks one head. `before` are writes that go in the same
 * statement, ahead of it — so a caller with nothing else to do in its transaction (the kiosk) needs no transaction at
 * all: one statement is atomic. Run it as the transaction's last step so the chain is locked for the shortest time.
 */
export function auditStatement(entries: readonly AuditEntry[], before: readonly PrecedingWrite[] = []) {
  if (entries.length === 0) throw new Error('auditStatement needs at least one record');
  const chain = chainFor(entries[0]!);
  const inputs = entries.map((entry, index) => {
    const fields: HashedFields = {
      occurredAt: entry.occurredAt,
      actorId: entry.actorId,
      actorRole: entry.actorRole,
      action: entry.action,
      targetType: entry.targetType ?? null,
      targetId: entry.targetId ?? null,
      ip: entry.ip ?? null,
      details: entry.details ?? {},
      chain,
    };
    return sql`(${index + 1}::int, ${fields.occurredAt}::timestamptz, ${fields.actorId}::uuid, ${fields.actorRole}::text, ${fields.action}::text,
      ${fields.targetType}::text, ${fields.targetId}::text, ${fields.ip}::text, ${JSON.stringify(fields.details)}::jsonb, ${auditContentDigest(fields)}::text)`;
  });
  const preceding = before.map((write) => sql`${sql.id(write.name)} as (${write.query}), `);
  return sql`
    with recursive ${sql.join(preceding, sql``)}audit_head as (
      select hash from audit_chain_heads where chain = ${chain} for update
    ),
    audit_input (ordinal, occurred_at, actor_id, actor_role, action, target_type, target_id, ip, details, digest) as (
      values ${sql.join(inputs)}
    ),
    audit_links (ordinal, previous_hash, hash) as (
      select 0, null::text, audit_head.hash from audit_head
      union all
      select audit_input.ordinal, audit_links.hash, encode(sha256(convert_to(coalesce(audit_links.hash, '') || ':' || audit_input.digest, 'UTF8')), 'hex')
      from audit_links join audit_input on audit_input.ordinal = audit_links.ordinal + 1
    ),
    audit_record as (
      insert into audit_log (occurred_at, actor_id, actor_role, action, target_type, target_id, ip, details, chain, previous_hash, hash, hash_version)
      select audit_input.occurred_at, audit_input.actor_id, audit_input.actor_role, audit_input.action, audit_input.target_type, audit_input.target_id,
        audit_input.ip, audit_input.details, ${chain}, audit_links.previous_hash, audit_links.hash, 2
      from audit_input join audit_links on audit_links.ordinal = audit_input.ordinal
      order by audit_input.ordinal
      returning id
    )
    update audit_chain_heads
    set hash = (select hash from audit_links order by ordinal desc limit 1), last_id = (select max(id) from audit_record)
    where audit_chain_heads.chain = ${chain} and exists (select 1 from audit_record)`;
}

/** Appends audit records to the first one's chain (one statement; inside the caller's transaction, or on its own). */
export async function appendAudits(db: Executor, entries: readonly AuditEntry[], before: readonly PrecedingWrite[] = []): Promise<void> {
  const result = await auditStatement(entries, before).execute(db);
  if (result.numAffectedRows !== 1n) throw new Error(`audit chain ${chainFor(entries[0]!)} has no head row (migration 20261125163000 not applied?)`);
}

/** Appends one audit record (one statement; inside the caller's transaction, or on its own). */
export function appendAudit(db: Executor, entry: AuditEntry, before: readonly PrecedingWrite[] = []): Promise<void> {
  return appendAudits(db, [entry], before);
}

export interface AuditVerification {
  rowsChecked: number;
  firstBrokenRowId: string | undefined;
  reason: string | undefined;
}

/**
 * Recomputes every chain; names the first row whose hash or link does not match, or, when a chain ends before the
 * record its head names (its newest rows were deleted), the head's record.
 */
export async function verifyAuditChains(db: Executor): Promise<AuditVerification> {
  let rowsChecked = 0;
  let firstBroken: { id: string; reason: string } | undefined;
  const heads = new Map((await db.selectFrom('audit_chain_heads').selectAll().execute()).map((head) => [head.chain, head]));
  for (let chain = 0; chain < auditChainCount; chain++) {
    let previousHash: string | null = null;
    let afterId = '0';
    let broken = false;
    while (!broken) {
      const rows = await db
        .selectFrom('audit_log')
        .selectAll()
        .where('chain', '=', chain)
        .where(sql<boolean>`id > ${afterId}::bigint`)
        .orderBy('id')
        .limit(5000)
        .execute();
      if (rows.length === 0) break;
      for (const row of rows) {
        rowsChecked++;
        const expected = hashAuditRow(previousHash, {
          occurredAt: new Date(row.occurred_at),
          actorId: row.actor_id,
          actorRole: row.actor_role,
          action: row.action,
          targetType: row.target_type,
          targetId: row.target_id,
          ip: row.ip,
          details: row.details,
          chain: row.chain,
        }, row.hash_version);
        const reason =
          row.previous_hash !== previousHash ? 'link to the previous row does not match' : row.hash !== expected ? 'content does not match its hash' : undefined;
        if (reason && (!firstBroken || BigInt(row.id) < BigInt(firstBroken.id))) firstBroken = { id: String(row.id), reason };
        if (reason) {
          broken = true;
          break;
        }
        previousHash = row.hash;
      }
      afterId = String(rows.at(-1)!.id);
    }
    const head = heads.get(chain);
    if (!broken && head && head.hash !== previousHash) {
      const id = String(head.last_id ?? afterId);
      if (!firstBroken || BigInt(id) < BigInt(firstBroken.id)) firstBroken = { id, reason: 'the chain ends before the record its head names (newest records deleted)' };
    }
  }
  return { rowsChecked, firstBrokenRowId: firstBroken?.id, reason: firstBroken?.reason };
}

export interface AuditFilter {
  actionPrefix?: string | undefined;
  actorId?: string | undefined;
  targetId?: string | undefined;
  beforeId?: string | undefined;
  limit: number;
}

/** A page of the audit log, newest first, with the actor's display name. */
export async function listAuditRecords(db: Executor, filter: AuditFilter) {
  let query = db
    .selectFrom('audit_log as a')
    .leftJoin('staff as s', 's.id', 'a.actor_id')
    .select(['a.id', 'a.occurred_at', 'a.actor_id', 's.display_name as actor_name', 'a.actor_role', 'a.action', 'a.target_type', 'a.target_id', 'a.ip', 'a.details']);
  if (filter.actionPrefix) query = query.where('a.action', 'like', `${filter.actionPrefix.replace(/[%_\\]/g, '\\$&')}%`);
  if (filter.actorId) query = query.where('a.actor_id', '=', filter.actorId);
  if (filter.targetId) query = query.where('a.target_id', '=', filter.targetId);
  if (filter.beforeId) query = query.where(sql<boolean>`a.id < ${filter.beforeId}::bigint`);
  return query.orderBy('a.id', 'desc').limit(filter.limit).execute();
}
