import { z } from 'zod';
import { Actor, Role } from '../staff/staff.ts';

/**
 * The password policy (DOMAIN.md §8, issue 6): 12–128 characters, upper-case, lower-case and a digit, not containing
 * the username. Long passphrases are welcome; no forced special characters (NIST SP 800-63B).
 * @example isPasswordAcceptable('Harbour-lantern-2026', 'reception') // true
 */
export function isPasswordAcceptable(password: string, username: string): boolean {
  if (password.length < 12 || password.length > 128) return false;
  if (!/[A-Z]/.test(password) || !/[a-z]/.test(password) || !/\d/.test(password)) return false;
  const name = username.trim().toLowerCase();
  return name.length < 3 || !password.toLowerCase().includes(name);
}

/** A password as typed; the policy itself needs the username, so it is checked by {@link isPasswordAcceptable}. */
export const NewPassword = z.string().min(12, 'auth.passwordPolicy').max(128, 'auth.passwordPolicy');

/**
 * What `auth.session` tells the console: who is signed in, whether they must change the password first, and whether
 * the account (created or reset by an administrator) still waits for another administrator to confirm it.
 */
export const SessionStatus = z.object({ actor: Actor.nullable(), mustChangePassword: z.boolean(), awaitingConfirmation: z.boolean() });
export type SessionStatus = z.infer<typeof SessionStatus>;

export const ChangePasswordInput = z.object({
  currentPassword: z.string().min(1, 'validation.required').max(256, 'validation.text.tooLong'),
  newPassword: NewPassword,
});
export type ChangePasswordInput = z.infer<typeof ChangePasswordInput>;

export const Username = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9._-]{2,31}$/, 'validation.invalid');

/** An administrator creates an account with a temporary password, which must be changed at first sign-in. */
export const CreateStaffInput = z.object({
  username: Username,
  displayName: z.string().trim().min(1, 'validation.required').max(50, 'validation.text.tooLong'),
  role: Role,
  unitCode: z.string().regex(/^\d{6}(\d{6})?$|^\d{6}D\d{2}$/, 'validation.invalid'),
  temporaryPassword: NewPassword,
});
export type CreateStaffInput = z.infer<typeof CreateStaffInput>;

export const StaffIdInput = z.object({ staffId: z.string().uuid('validation.invalid') });

export const SetStaffDisabledInput = z.object({ staffId: z.string().uuid('validation.invalid'), disabled: z.boolean() });

export const ResetPasswordInput = z.object({ staffId: z.string().uuid('validation.invalid'), temporaryPassword: NewPassword });

/** An account as administrators see it: never the hash. */
export const StaffAccount = z.object({
  staffId: z.string().uuid(),
  username: z.string(),
  displayName: z.string(),
  role: Role,
  unitCode: z.string(),
  unitNameZh: z.string(),
  disabled: z.boolean(),
  mustChangePassword: z.boolean(),
  /** An administrator set its password: no case access until a different administrator confirms it. */
  awaitingConfirmation: z.boolean(),
  lockedUntil: z.string().nullable(),
});
export type StaffAccount = z.infer<typeof StaffAccount>;

export const StaffAccountList = z.object({ items: z.array(StaffAccount) });

/** Administrators browse the audit log newest first, optionally narrowed to one action prefix, actor or record. */
export const AuditQuery = z.object({
  actionPrefix: z.string().trim().max(64, 'validation.text.tooLong').regex(/^[a-zA-Z.:]*$/, 'validation.invalid').optional(),
  actorId: z.string().uuid('validation.invalid').optional(),
  targetId: z.string().trim().max(64, 'validation.text.tooLong').optional(),
  beforeId: z.string().regex(/^\d{1,18}$/, 'validation.invalid').optional(),
  limit: z.number().int().min(1).max(200).default(50),
});
export type AuditQuery = z.input<typeof AuditQuery>;

export const AuditRecord = z.object({
  id: z.string(),
  occurredAt: z.string(),
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  actorRole: z.string().nullable(),
  action: z.string(),
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  ip: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
});
export type AuditRecord = z.infer<typeof AuditRecord>;

export const AuditPage = z.object({ items: z.array(AuditRecord), nextBeforeId: z.string().nullable() });

export const AuditVerification = z.object({ rowsChecked: z.number().int(), intact: z.boolean(), firstBrokenRowId: z.string().nullable(), reason: z.string().nullable() });
