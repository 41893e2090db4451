import { assertCan, mayViewFiler } from '@xinfang/domain/permissions/can';
import { DomainError } from '@xinfang/domain/errors';
import type { RevealInput, RevealResult } from '@xinfang/domain/security/privacy';
import type { Actor } from '@xinfang/domain/staff';
import { appendAudit } from '@xinfang/db/repositories/audit';
import { findPetitionPrivacyRow } from '@xinfang/db/repositories/privacy';
import { decryptPersonalData } from '@xinfang/security/personal-data';
import type { ApiContext } from '../../context.ts';
import { accessTargetOfLoaded, cachedUnits, loadPetition, unitTreeOf } from '../petitions/workflow.service.ts';

interface StaffContext extends ApiContext {
  actor: Actor;
}

/**
 * Shows one personal value of a petition's petitioner in full, to a role that may reveal it, within its jurisdiction,
 * never to the unit an accusation accuses; the reveal and its stated reason are written to the audit log in the same
 * transaction that reads the value.
 */
export async function revealPersonalData(ctx: StaffContext, input: RevealInput): Promise<RevealResult> {
  // the one access rule: the target replayed from the petition's events, every accused unit and person included
  const [loaded, units] = await Promise.all([loadPetition(ctx.db, input.petitionId), cachedUnits(ctx.db)]);
  const tree = unitTreeOf(units);
  const target = accessTargetOfLoaded(loaded);
  assertCan(ctx.actor, 'identity.reveal', target, tree);
  // the petitioner of an accusation is the accuser: that needs its own permission
  if (!mayViewFiler(ctx.actor, target, tree)) throw new DomainError('access.accuserHidden', 'forbidden');
  const row = await findPetitionPrivacyRow(ctx.db, input.petitionId, input.petitionerId);
  if (!row) throw new DomainError('petition.notFound', 'notFound');
  const sealed = input.field === 'mobile' ? row.mobileCipher : input.field === 'idNumber' ? row.idNumberCipher : row.addressCipher;
  if (!sealed) throw new DomainError('privacy.valueMissing', 'notFound');
  const value = decryptPersonalData(ctx.keys, sealed);
  const now = ctx.now();
  await ctx.db.transaction().execute((tx) =>
    appendAudit(tx, {
      occurredAt: now,
      actorId: ctx.actor.staffId,
      actorRole: ctx.actor.role,
      action: 'privacy.reveal',
      targetType: 'petition',
      targetId: row.petitionId,
      ip: ctx.clientIp,
      details: { field: input.field, reason: input.reason, petitionerId: row.petitionerId },
    }),
  );
  return { field: input.field, value };
}
