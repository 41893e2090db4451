import { DomainError } from '@xinfang/domain/errors';
import type { KioskReceipt, KioskSubmission } from '@xinfang/domain/kiosk';
import type { z } from 'zod';
import { generateTrackingCode } from '@xinfang/domain/tracking-code';
import { appendAudit } from '@xinfang/db/repositories/audit';
import { findPetitionByIdempotencyKey, insertPetitionWithEvent } from '@xinfang/db/repositories/petitions';
import { getUnitByCode } from '@xinfang/db/repositories/units';
import { protectMobile } from '@xinfang/security/personal-data';
import type { ApiContext } from '../../context.ts';

type ParsedSubmission = z.output<typeof KioskSubmission>;

function receiptOf(row: { tracking_code: string; received_at: Date | string; status: string }): KioskReceipt {
  return { trackingCode: row.tracking_code, receivedAt: new Date(row.received_at).toISOString(), status: 'registered' };
}

function summaryOf(content: string): string {
  const firstLine = content.split(/[\n。！？!?]/)[0]?.trim() ?? content;
  return [...firstLine].slice(0, 40).join('');
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === '23505';
}

/**
 * A visitor's self-service submission (访转网): one transaction writes the petitioner (personal data encrypted),
 * the petition, its first event and the audit record. The idempotency key makes a retry return the first receipt.
 */
export async function submitFromKiosk(ctx: ApiContext, input: ParsedSubmission): Promise<KioskReceipt> {
  const existing = await findPetitionByIdempotencyKey(ctx.db, input.idempotencyKey);
  if (existing) return receiptOf(existing);
  const now = ctx.now();
  const hall = await getUnitByCode(ctx.db, ctx.kiosk.hallUnitCode);
  const mobile = protectMobile(ctx.keys, input.mobile);
  const trackingCode = generateTrackingCode(ctx.randomBytes);
  try {
    await ctx.db.transaction().execute(async (tx) => {
      const petitioner = await tx
        .insertInto('petitioners')
        .values({
          kind: 'person',
          name: input.name,
          mobile_cipher: mobile.cipher,
          mobile_hash: mobile.hash,
          mobile_masked: mobile.masked,
          mobile_last4_hash: mobile.last4Hash,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const petitionId = await insertPetitionWithEvent(
        tx,
        {
          tracking_code: trackingCode,
          status: 'registered',
          channel: 'online',
          kiosk_assisted: true,
          summary: summaryOf(input.content),
          content: input.content,
          petitioner_id: petitioner.id,
          hall_unit_id: hall.id,
          scope_path: hall.path,
          received_at: now,
          registered_at: now,
          updated_at: now,
          idempotency_key: input.idempotencyKey,
        },
        { type: 'registered', actorId: null, actorRole: null, occurredAt: now, payload: { channel: 'online', kioskAssisted: true } },
      );
      await appendAudit(tx, { occurredAt: now, actorId: null, actorRole: 'kiosk', action: 'kiosk.submit', targetType: 'petition', targetId: petitionId, ip: ctx.clientIp });
    });
  } catch (error) {
    // a concurrent retry with the same key won the race: answer with its receipt
    if (isUniqueViolation(error)) {
      const winner = await findPetitionByIdempotencyKey(ctx.db, input.idempotencyKey);
      if (winner) return receiptOf(winner);
    }
    throw error;
  }
  return { trackingCode, receivedAt: now.toISOString(), status: 'registered' };
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
