import { createHash, randomBytes } from 'node:crypto';
import { DomainError } from '@xinfang/domain/errors';
import { minutesOf, secondsUntil, signInLockout } from '@xinfang/domain/security/attempt-limits';
import { Role, type Actor, type SignInInput } from '@xinfang/domain/staff';
import { clearAttemptCounters, countAttempts } from '@xinfang/db/repositories/attempt-counters';
import { appendAudit } from '@xinfang/db/repositories/audit';
import { deleteSession, deleteSessionsOfStaff, findSessionWithStaff, insertSession, touchSession } from '@xinfang/db/repositories/sessions';
import { findStaffById, findStaffByUsername, recordFailedSignIn, resetFailedSignIns, setMustChangePassword, setStaffPassword } from '@xinfang/db/repositories/staff';
import { demoAccounts } from '@xinfang/db/seed';
import { isPasswordAcceptable, type ChangePasswordInput } from '@xinfang/domain/security/accounts';
import { hashPassword, verifyPassword } from '@xinfang/security/password';
import { hashPersonalData } from '@xinfang/security/personal-data';
import type { StaffRow } from '@xinfang/db/schema';
import type { ApiContext } from '../../context.ts';
import { countCallerAttempt } from './attempt-limits.ts';

let dummyHash: Promise<string> | undefined;

/**
 * The hash of a password nobody has, made once with the same parameters as real ones: an unknown username has it
 * verified, so that its answer takes as long as a wrong password's.
 */
function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword(randomBytes(24).toString('base64'));
  return dummyHash;
}

/**
 * The counter of wrong passwords for a username as typed (keyed hash: the table never holds the name). For an account
 * it also names the current password hash, so a new password (an administrator's reset) starts with a clean count,
 * as the old per-account lock did; an unknown username counts and locks exactly like a known one.
 */
function signInCounterKey(ctx: ApiContext, username: string, staff: StaffRow | undefined): string {
  return `signIn:username:${hashPersonalData(ctx.keys, `${username}\u0000${staff?.password_hash.slice(-16) ?? ''}`, 'signInCounter')}`;
}

function sessionIdOf(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** The signed-in actor for this request's cookie, or undefined; expires idle and over-age sessions. */
export async function resolveSession(ctx: ApiContext): Promise<{ actor: Actor; unitPath: string; mustChangePassword: boolean; awaitingConfirmation: boolean } | undefined> {
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
    // an administrator set the password: no case access until a different administrator confirms the account
    awaitingConfirmation: session.temporaryPasswordSetBy !== null,
  };
}

/**
 * Checks the password and, on success, opens a database session and sets the cookie. Each attempt is counted before the
 * password is checked — against the address (per minute) and against the username as typed (5 in 15 minutes) — so
 * concurrent guesses cannot all pass a check made before any was counted, and the lock holds across instances. Nothing
 * tells whether a username exists: the same message, the same lockout, and an unknown username has a dummy hash
 * verified, so it takes as long. A failure is audited without the typed username (people type passwords into it).
 */
export async function signIn(ctx: ApiContext, input: SignInInput): Promise<Actor> {
  const now = ctx.now();
  const dummy = await dummyPasswordHash();
  await countCallerAttempt(ctx, 'signIn', now);
  const staff = await findStaffByUsername(ctx.db, input.username);
  const counterKey = signInCounterKey(ctx, input.username, staff);
  const [counted] = await countAttempts(ctx.db, [{ key: counterKey, ...signInLockout }], now);
  if (counted!.refused) {
    const seconds = secondsUntil(counted!.windowEndsAt, now);
    throw new DomainError('auth.locked', 'tooManyRequests', { params: { minutes: minutesOf(seconds) }, retryAfterSeconds: seconds });
  }
  const passwordMatches = await verifyPassword(staff?.password_hash ?? dummy, input.password);
  if (!staff || staff.disabled || !passwordMatches) {
    await ctx.db.transaction().execute(async (tx) => {
      // the account list shows the lock; the count itself lives in attempt_counters
      if (staff && counted!.attempts === signInLockout.limit) await recordFailedSignIn(tx, staff.id, counted!.windowEndsAt);
      await appendAudit(tx, {
        occurredAt: now,
        actorId: staff?.id ?? null,
        actorRole: staff?.role ?? null,
        action: 'auth.signIn.failed',
        ip: ctx.clientIp,
        // an unknown name only as a keyed hash: repeated tries of one name stay visible, the name (or a password typed
        // into its field) does not
        details: staff ? { attempts: counted!.attempts } : { usernameHash: hashPersonalData(ctx.keys, input.username, 'auditUsername').slice(0, 16), attempts: counted!.attempts },
      });
    });
    throw new DomainError('auth.invalidCredentials', 'unauthenticated');
  }
  const token = Buffer.from(ctx.randomBytes(32)).toString('base64url');
  const expiresAt = new Date(now.getTime() + ctx.session.absoluteTimeoutHours * 3_600_000);
  // outside demo mode a published demo password must be replaced before anything else
  const usesDemoPassword = !ctx.demoMode && demoAccounts.some((account) => account.username === staff.username && account.password === input.password);
  await ctx.db.transaction().execute(async (tx) => {
    await clearAttemptCounters(tx, [counterKey]);
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
export async function getSessionStatus(ctx: ApiContext): Promise<{ actor: Actor | null; mustChangePassword: boolean; awaitingConfirmation: boolean }> {
  const resolved = await resolveSession(ctx);
  return { actor: resolved?.actor ?? null, mustChangePassword: resolved?.mustChangePassword ?? false, awaitingConfirmation: resolved?.awaitingConfirmation ?? false };
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
