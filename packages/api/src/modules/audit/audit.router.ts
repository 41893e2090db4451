import { AuditPage, AuditQuery, AuditVerification } from '@xinfang/domain/security/accounts';
import { listAuditRecords, verifyAuditChains } from '@xinfang/db/repositories/audit';
import { z } from 'zod';
import { router, staffProcedure } from '../../trpc.ts';

/** The audit log for administrators: read it and check its hash chains. Nothing here writes. */
export const auditRouter = router({
  list: staffProcedure('audit.view')
    .input(AuditQuery)
    .output(AuditPage)
    .query(async ({ ctx, input }) => {
      const rows = await listAuditRecords(ctx.db, input);
      const items = rows.map((row) => ({
        id: String(row.id),
        occurredAt: new Date(row.occurred_at).toISOString(),
        actorId: row.actor_id,
        actorName: row.actor_name,
        actorRole: row.actor_role,
        action: row.action,
        targetType: row.target_type,
        targetId: row.target_id,
        ip: row.ip,
        details: (row.details ?? {}) as Record<string, unknown>,
      }));
      return { items, nextBeforeId: items.length === input.limit ? items.at(-1)!.id : null };
    }),
  verify: staffProcedure('audit.view')
    .input(z.void())
    .output(AuditVerification)
    .query(async ({ ctx }) => {
      const result = await verifyAuditChains(ctx.db);
      return { rowsChecked: result.rowsChecked, intact: !result.firstBrokenRowId, firstBrokenRowId: result.firstBrokenRowId ?? null, reason: result.reason ?? null };
    }),
});
