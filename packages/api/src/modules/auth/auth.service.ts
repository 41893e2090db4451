import { createHash } from 'node:crypto';
import { DomainError } from '@xinfang/domain/errors';
import { Role, type Actor, type SignInInput } from '@xinfang/domain/staff';
import { appendAudit } from '@xinfang/db/repositories/audit';
import { deleteSession, deleteSessionsOfStaff, findSessionWithStaff, insertSession, touchSession } from '@xinfang/db/repositories/sessions';
import { findStaffById, findStaffByUsername, recordFailedSignIn, resetFailedSignIns, setMustChangePassword, setStaffPassword } from '@xinfang/db/repositories/staff';
import { demoAccounts } from '@xinfang/db/seed';
import { isPasswordAcceptable, type ChangePasswordInput } from '@xinfang/domain/security/accounts';
import { hashPassword, verifyPassword } from '@xinfang/security/password';
import type { ApiContext } from '../../context.ts';

const maxFailuresBeforeLock = 5;
const lockMinutes = 15;

function sessionIdOf(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** The signed-in actor for this request's cookie, or undefined; expires idle and over-age sessions. */
export async function resolveSession(ctx: ApiContext): Promise<{ actor: Actor; unitPath: string; mustChangePassword: boolean } | undefined> {
  if (!ctx.sessionToken) return undefined;
  const sessionId = sessionIdOf(ctx.sessionToken);
  const session = await findSessionWithStaff(ctx.db, sessionId);
  if (!session) return undefined;
  const now = ctx.now();
  const idleLimit = new Date(session.lastSeenAt).getTime() + ctx.session.idleTimeoutMinutes * 60_000;
  if (session.disabled || now.getTime() > idleLimit || now.getTime() > new Date(session.expiresAt).getTime()) {
    await deleteSession(ctx.db, sessionId);
    return undefined;
  }
  // writing last_seen on every request would make every read a write; a minute's resolution is enough
  if (now.getTime() - new Date(session.lastSeenAt).getTime() > 60_000) await touchSession(ctx.db, sessionId, now);
  return {
    actor: { staffId: session.staffId, username: session.username, displayName: session.displayName, role: Role.parse(session.role), unitId: session.unitId },
    unitPath: session.unitPath,
    mustChangePassword: session.mustChangePassword,
  };
}

/**
 * Checks the password, with a temporary lock after repeated failures; on success opens a database session and
 * sets the cookie. The same neutral message for an unknown user and a wrong password.
 */
export async function signIn(ctx: ApiContext, input: SignInInput): Promise<Actor> {
  const now = ctx.now();
  const staff = await findStaffByUsername(ctx.db, input.username);
  if (!staff || staff.disabled) {
    await ctx.db.transaction().execute((tx) =>
      appendAudit(tx, { occurredAt: now, actorId: null, actorRole: null, action: 'auth.signIn.failed', ip: ctx.clientIp, details: { username: input.username.slice(0, 64) } }),
    );
    throw new DomainError('auth.invalidCredentials', 'unauthenticated');
  }
  if (staff.locked_until && new Date(staff.locked_until).getTime() > now.getTime()) {
    throw new DomainError('auth.locked', 'tooManyRequests');
  }
  if (!(await verifyPassword(staff.password_hash, input.password))) {
    const failures = staff.failed_sign_ins + 1;
    const lockedUntil = failures >= maxFailuresBeforeLock ? new Date(now.getTime() + lockMinutes * 60_000) : null;
    await ctx.db.transaction().execute(async (tx) => {
      await recordFailedSignIn(tx, staff.id, lockedUntil);
      await appendAudit(tx, { occurredAt: now, actorId: staff.id, actorRole: staff.role, action: 'auth.signIn.failed', ip: ctx.clientIp, details: { failures } });
    });
    throw new DomainError('auth.invalidCredentials', 'unauthenticated');
  }
  const token = Buffer.from(ctx.randomBytes(32)).toString('base64url');
  const expiresAt = new Date(now.getTime() + ctx.session.absoluteTimeoutHours * 3_600_000);
  // outside demo mode a published demo password must be replaced before anything else
  const usesDemoPassword = !ctx.demoMode && demoAccounts.some((account) => account.username === staff.username && account.password === input.password);
  await ctx.db.transaction().execute(async (tx) => {
    await resetFailedSignIns(tx, staff.id);
    if (usesDemoPassword) await setMustChangePassword(tx, staff.id);
    await insertSession(tx, { id: sessionIdOf(token), staffId: staff.id, now, expiresAt, ip: ctx.clientIp });
    await appendAudit(tx, { occurredAt: now, actorId: staff.id, actorRole: staff.role, action: 'auth.signIn', ip: ctx.clientIp });
  });
  ctx.setSessionCookie(token, expiresAt);
  return { staffId: staff.id, username: staff.username, displayName: staff.display_name, role: Role.parse(staff.role), unitId: staff.unit_id };
}

export async function signOut(ctx: ApiContext): Promise<void> {
  if (ctx.sessionToken) await deleteSession(ctx.db, sessionIdOf(ctx.sessionToken));
  ctx.clearSessionCookie();
}

/** Whether the signed-in account must change its password before doing anything else. */
export async function getSessionStatus(ctx: ApiContext): Promise<{ actor: Actor | null; mustChangePassword: boolean }> {
  const resolved = await resolveSession(ctx);
  return { actor: resolved?.actor ?? null, mustChangePassword: resolved?.mustChangePassword ?? false };
}

/**
 * Changes the signed-in staff member's own password: checks the current one and the policy, stores the new hash,
 * ends the account's other sessions and records it.
 */
export async function changeOwnPassword(ctx: ApiContext, actor: Actor, input: ChangePasswordInput): Promise<void> {
  const staff = await findStaffById(ctx.db, actor.staffId);
  if (!staff || !ctx.sessionToken) throw new DomainError('auth.required', 'unauthenticated');
  if (!(await verifyPassword(staff.password_hash, input.currentPassword))) throw new DomainError('auth.currentPasswordWrong', 'invalid');
  if (!isPasswordAcceptable(input.newPassword, staff.username)) throw new DomainError('auth.passwordPolicy', 'invalid');
  if (input.newPassword === input.currentPassword) throw new DomainError('auth.passwordReused', 'invalid');
  if (demoAccounts.some((account) => account.password === input.newPassword)) throw new DomainError('auth.passwordPolicy', 'invalid');
  const passwordHash = await hashPassword(input.newPassword);
  const now = ctx.now();
  await ctx.db.transaction().execute(async (tx) => {
    await setStaffPassword(tx, staff.id, passwordHash, false);
    await deleteSessionsOfStaff(tx, staff.id, sessionIdOf(ctx.sessionToken!));
    await appendAudit(tx, { occurredAt: now, actorId: staff.id, actorRole: staff.role, action: 'auth.passwordChanged', targetType: 'staff', targetId: staff.id, ip: ctx.clientIp });
  });
}
