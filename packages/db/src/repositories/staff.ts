import type { Executor } from '../database.ts';
import type { StaffRow } from '../schema.ts';

export interface NewStaff {
  username: string;
  displayName: string;
  role: string;
  unitId: string;
  passwordHash: string;
  mustChangePassword?: boolean;
  /** The administrator who chose the (temporary) password: the account waits for another one to confirm it. */
  temporaryPasswordSetBy?: string | null;
}

export async function findStaffByUsername(db: Executor, username: string): Promise<StaffRow | undefined> {
  return db.selectFrom('staff').selectAll().where('username', '=', username).executeTakeFirst();
}

export async function findStaffById(db: Executor, id: string): Promise<StaffRow | undefined> {
  return db.selectFrom('staff').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Inserts a staff account unless the username exists; returns the stored account. */
export async function ensureStaff(db: Executor, staff: NewStaff): Promise<StaffRow> {
  await db
    .insertInto('staff')
    .values({
      username: staff.username,
      display_name: staff.displayName,
      role: staff.role,
      unit_id: staff.unitId,
      password_hash: staff.passwordHash,
      must_change_password: staff.mustChangePassword ?? false,
    })
    .onConflict((conflict) => conflict.column('username').doNothing())
    .execute();
  return db.selectFrom('staff').selectAll().where('username', '=', staff.username).executeTakeFirstOrThrow();
}

export async function recordFailedSignIn(db: Executor, staffId: string, lockedUntil: Date | null): Promise<void> {
  await db
    .updateTable('staff')
    .set((eb) => ({ failed_sign_ins: eb('failed_sign_ins', '+', 1), locked_until: lockedUntil }))
    .where('id', '=', staffId)
    .execute();
}

export async function resetFailedSignIns(db: Executor, staffId: string): Promise<void> {
  await db.updateTable('staff').set({ failed_sign_ins: 0, locked_until: null }).where('id', '=', staffId).execute();
}

export interface StaffAccountRow {
  id: string;
  username: string;
  display_name: string;
  role: string;
  unit_code: string;
  unit_name_zh: string;
  unit_path: string;
  disabled: boolean;
  must_change_password: boolean;
  temporary_password_set_by: string | null;
  locked_until: Date | null;
}

/** Accounts whose unit lies within `scopePath` (an administrator's jurisdiction), by username. Never the hash. */
export async function listStaffAccounts(db: Executor, scopePath: string): Promise<StaffAccountRow[]> {
  return db
    .selectFrom('staff as s')
    .innerJoin('units as u', 'u.id', 's.unit_id')
    .select(['s.id', 's.username', 's.display_name', 's.role', 'u.code as unit_code', 'u.name_zh as unit_name_zh', 'u.path as unit_path', 's.disabled', 's.must_change_password', 's.temporary_password_set_by', 's.locked_until'])
    .where('u.path', 'like', `${scopePath}%`)
    .orderBy('s.username')
    .limit(1000)
    .execute();
}

export async function findStaffAccount(db: Executor, staffId: string): Promise<StaffAccountRow | undefined> {
  return db
    .selectFrom('staff as s')
    .innerJoin('units as u', 'u.id', 's.unit_id')
    .select(['s.id', 's.username', 's.display_name', 's.role', 'u.code as unit_code', 'u.name_zh as unit_name_zh', 'u.path as unit_path', 's.disabled', 's.must_change_password', 's.temporary_password_set_by', 's.locked_until'])
    .where('s.id', '=', staffId)
    .executeTakeFirst();
}

/** Inserts an account; returns its id, or undefined when the username is taken. */
export async function insertStaff(db: Executor, staff: NewStaff): Promise<string | undefined> {
  const row = await db
    .insertInto('staff')
    .values({
      username: staff.username,
      display_name: staff.displayName,
      role: staff.role,
      unit_id: staff.unitId,
      password_hash: staff.passwordHash,
      must_change_password: staff.mustChangePassword ?? true,
      temporary_password_set_by: staff.temporaryPasswordSetBy ?? null,
    })
    .onConflict((conflict) => conflict.column('username').doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id;
}

export async function setStaffDisabled(db: Executor, staffId: string, disabled: boolean): Promise<void> {
  await db.updateTable('staff').set({ disabled }).where('id', '=', staffId).execute();
}

/** Stores a new password hash; clears failures and the lock. */
export async function setStaffPassword(db: Executor, staffId: string, passwordHash: string, mustChangePassword: boolean): Promise<void> {
  await db
    .updateTable('staff')
    .set({ password_hash: passwordHash, must_change_password: mustChangePassword, failed_sign_ins: 0, locked_until: null })
    .where('id', '=', staffId)
    .execute();
}

/**
 * An administrator's temporary password: the holder must change it at next sign-in, and the account then waits for a
 * different administrator to confirm it (`setBy` may not). Clears failures and the lock.
 */
export async function setTemporaryPassword(db: Executor, staffId: string, passwordHash: string, setBy: string): Promise<void> {
  await db
    .updateTable('staff')
    .set({ password_hash: passwordHash, must_change_password: true, temporary_password_set_by: setBy, failed_sign_ins: 0, locked_until: null })
    .where('id', '=', staffId)
    .execute();
}

/** Confirms a pending account (its holder chose their own password); true when it was pending and is no longer. */
export async function confirmStaffAccount(db: Executor, staffId: string, confirmedBy: string): Promise<boolean> {
  const result = await db
    .updateTable('staff')
    .set({ temporary_password_set_by: null })
    .where('id', '=', staffId)
    .where('must_change_password', '=', false)
    .where('temporary_password_set_by', 'is not', null)
    .where('temporary_password_set_by', '<>', confirmedBy)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

export async function setMustChangePassword(db: Executor, staffId: string): Promise<void> {
  await db.updateTable('staff').set({ must_change_password: true }).where('id', '=', staffId).execute();
}
