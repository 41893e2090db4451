import type { Executor } from '../database.ts';
import type { StaffRow } from '../schema.ts';

export interface NewStaff {
  username: string;
  displayName: string;
  role: string;
  unitId: string;
  passwordHash: string;
  mustChangePassword?: boolean;
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
