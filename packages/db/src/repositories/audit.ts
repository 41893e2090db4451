import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { DatabaseTransaction, Executor } from '../database.ts';

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

/** The hash of one audit row given its predecessor's hash in the same chain. */
export function hashAuditRow(previousHash: string | null, row: HashedFields): string {
  const content = canonicalJson({ ...row, occurredAt: row.occurredAt.toISOString(), previousHash });
  return createHash('sha256').update(content).digest('hex');
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

/**
 * Appends an audit record inside the caller's transaction, chained to the last record of its chain.
 * Locking the chain's head row (`for update`) serialises writers of one chain only, until the transaction ends, and
 * returns the newest committed hash in the same statement: call it as the transaction's last step so the lock is
 * held for the shortest time. Two round trips: lock and read the head; insert the record and move the head.
 */
export async function appendAudit(tx: DatabaseTransaction, entry: AuditEntry): Promise<void> {
  const chain = chainFor(entry);
  const head = await tx.selectFrom('audit_chain_heads').select('hash').where('chain', '=', chain).forUpdate().executeTakeFirst();
  if (!head) throw new Error(`audit chain ${chain} has no head row (migration 20261125163000 not applied?)`);
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
  const previousHash = head.hash;
  const hash = hashAuditRow(previousHash, fields);
  await tx
    .with('record', (db) =>
      db
        .insertInto('audit_log')
        .values({
          occurred_at: fields.occurredAt,
          actor_id: fields.actorId,
          actor_role: fields.actorRole,
          action: fields.action,
          target_type: fields.targetType,
          target_id: fields.targetId,
          ip: fields.ip,
          details: JSON.stringify(fields.details),
          chain,
          previous_hash: previousHash,
          hash,
        })
        .returning('id'),
    )
    .updateTable('audit_chain_heads')
    .set((eb) => ({ hash, last_id: eb.selectFrom('record').select('record.id') }))
    .where('chain', '=', chain)
    .execute();
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
        });
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
