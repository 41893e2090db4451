import { DomainError } from '@xinfang/domain/errors';
import { isPasswordAcceptable, type CreateStaffInput, type StaffAccount } from '@xinfang/domain/security/accounts';
import { Role, type Actor } from '@xinfang/domain/staff';
import { appendAudit } from '@xinfang/db/repositories/audit';
import { deleteSessionsOfStaff } from '@xinfang/db/repositories/sessions';
import { confirmStaffAccount, findStaffAccount, insertStaff, listStaffAccounts, setStaffDisabled, setTemporaryPassword, type StaffAccountRow } from '@xinfang/db/repositories/staff';
import { getUnitByCode } from '@xinfang/db/repositories/units';
import { hashPassword } from '@xinfang/security/password';
import type { ApiContext } from '../../context.ts';

interface AdminContext extends ApiContext {
  actor: Actor;
  unitPath: string;
}

function accountOf(row: StaffAccountRow): StaffAccount {
  return {
    staffId: row.id,
    username: row.username,
    displayName: row.display_name,
    role: Role.parse(row.role),
    unitCode: row.unit_code,
    unitNameZh: row.unit_name_zh,
    disabled: row.disabled,
    mustChangePassword: row.must_change_password,
    awaitingConfirmation: row.temporary_password_set_by !== null,
    lockedUntil: row.locked_until ? new Date(row.locked_until).toISOString() : null,
  };
}

/** An account the administrator may manage: one whose unit lies within the administrator's unit. */
async function getManagedAccount(ctx: AdminContext, staffId: string): Promise<StaffAccountRow> {
  const row = await findStaffAccount(ctx.db, staffId);
  if (!row) throw new DomainError('admin.staffNotFound', 'notFound');
  if (!row.unit_path.startsWith(ctx.unitPath)) throw new DomainError('access.outsideJurisdiction', 'forbidden');
  return row;
}

export async function listAccounts(ctx: AdminContext): Promise<{ items: StaffAccount[] }> {
  return { items: (await listStaffAccounts(ctx.db, ctx.unitPath)).map(accountOf) };
}

/**
 * Creates an account with a temporary password that must be changed at first sign-in; the account then waits for a
 * different administrator to confirm it (`confirmAccount`) before it may work on cases.
 */
export async function createAccount(ctx: AdminContext, input: CreateStaffInput): Promise<StaffAccount> {
  if (!isPasswordAcceptable(input.temporaryPassword, input.username)) throw new DomainError('auth.passwordPolicy', 'invalid');
  const unit = await getUnitByCode(ctx.db, input.unitCode).catch(() => undefined);
  if (!unit) throw new DomainError('admin.unitNotFound', 'notFound');
  if (!unit.path.startsWith(ctx.unitPath)) throw new DomainError('access.outsideJurisdiction', 'forbidden');
  const passwordHash = await hashPassword(input.temporaryPassword);
  const now = ctx.now();
  const staffId = await ctx.db.transaction().execute(async (tx) => {
    const id = await insertStaff(tx, { username: input.username, displayName: input.displayName, role: input.role, unitId: unit.id, passwordHash, mustChangePassword: true, temporaryPasswordSetBy: ctx.actor.staffId });
    if (!id) throw new DomainError('admin.usernameTaken', 'conflict');
    await appendAudit(tx, {
      occurredAt: now,
      actorId: ctx.actor.staffId,
      actorRole: ctx.actor.role,
      action: 'admin.staffCreated',
      targetType: 'staff',
      targetId: id,
      ip: ctx.clientIp,
      details: { username: input.username, role: input.role, unitCode: input.unitCode },
    });
    return id;
  });
  return accountOf((await findStaffAccount(ctx.db, staffId))!);
}

/** Disables (ending its sessions) or re-enables an account. An administrator cannot disable themself. */
export async function setAccountDisabled(ctx: AdminContext, staffId: string, disabled: boolean): Promise<StaffAccount> {
  const row = await getManagedAccount(ctx, staffId);
  if (row.id === ctx.actor.staffId && disabled) throw new DomainError('admin.cannotDisableSelf', 'conflict');
  const now = ctx.now();
  await ctx.db.transaction().execute(async (tx) => {
    await setStaffDisabled(tx, row.id, disabled);
    if (disabled) await deleteSessionsOfStaff(tx, row.id);
    await appendAudit(tx, {
      occurredAt: now,
      actorId: ctx.actor.staffId,
      actorRole: ctx.actor.role,
      action: disabled ? 'admin.staffDisabled' : 'admin.staffEnabled',
      targetType: 'staff',
      targetId: row.id,
      ip: ctx.clientIp,
    });
  });
  return accountOf((await findStaffAccount(ctx.db, row.id))!);
}

/**
 * Sets a temporary password (to be changed at next sign-in, then confirmed by a different administrator), clears the
 * lock and ends the account's sessions.
 */
export async function resetAccountPassword(ctx: AdminContext, staffId: string, temporaryPassword: string): Promise<StaffAccount> {
  const row = await getManagedAccount(ctx, staffId);
  if (!isPasswordAcceptable(temporaryPassword, row.username)) throw new DomainError('auth.passwordPolicy', 'invalid');
  const passwordHash = await hashPassword(temporaryPassword);
  const now = ctx.now();
  await ctx.db.transaction().execute(async (tx) => {
    await setTemporaryPassword(tx, row.id, passwordHash, ctx.actor.staffId);
    await deleteSessionsOfStaff(tx, row.id);
    await appendAudit(tx, {
      occurredAt: now,
      actorId: ctx.actor.staffId,
      actorRole: ctx.actor.role,
      action: 'admin.passwordReset',
      targetType: 'staff',
      targetId: row.id,
      ip: ctx.clientIp,
    });
  });
  return accountOf((await findStaffAccount(ctx.db, row.id))!);
}

/**
 * Confirms an account whose password an administrator set, once its holder has chosen their own: from then on it works
 * like any other. The administrator who set the temporary password may not confirm it — they could have signed in with
 * it and chosen the "own" password themselves — so reading cases through an account one creates takes two people.
 * The confirming administrator checks with the holder (in person or by a known telephone number) that they set it.
 */
export async function confirmAccount(ctx: AdminContext, staffId: string): Promise<StaffAccount> {
  const row = await getManagedAccount(ctx, staffId);
  if (row.temporary_password_set_by === null) throw new DomainError('admin.notAwaitingConfirmation', 'conflict');
  if (row.temporary_password_set_by === ctx.actor.staffId || row.id === ctx.actor.staffId) throw new DomainError('admin.confirmOwnGrant', 'forbidden');
  if (row.must_change_password) throw new DomainError('admin.holderHasNotChosenPassword', 'conflict');
  const now = ctx.now();
  await ctx.db.transaction().execute(async (tx) => {
    // the same conditions once more in the statement: a reset by the confirming administrator in between loses
    if (!(await confirmStaffAccount(tx, row.id, ctx.actor.staffId))) throw new DomainError('admin.notAwaitingConfirmation', 'conflict');
    await appendAudit(tx, {
      occurredAt: now,
      actorId: ctx.actor.staffId,
      actorRole: ctx.actor.role,
      action: 'admin.staffConfirmed',
      targetType: 'staff',
      targetId: row.id,
      ip: ctx.clientIp,
      details: { temporaryPasswordSetBy: row.temporary_password_set_by },
    });
  });
  return accountOf((await findStaffAccount(ctx.db, row.id))!);
}
