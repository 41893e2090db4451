import type { Executor } from '../database.ts';

export interface SessionWithStaff {
  sessionId: string;
  staffId: string;
  username: string;
  displayName: string;
  role: string;
  unitId: string;
  unitPath: string;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
  disabled: boolean;
  mustChangePassword: boolean;
  /** Set while an administrator's temporary password awaits another administrator's confirmation of the account. */
  temporaryPasswordSetBy: string | null;
}

export async function insertSession(
  db: Executor,
  session: { id: string; staffId: string; now: Date; expiresAt: Date; ip: string | null },
): Promise<void> {
  await db
    .insertInto('staff_sessions')
    .values({ id: session.id, staff_id: session.staffId, created_at: session.now, last_seen_at: session.now, expires_at: session.expiresAt, ip: session.ip })
    .execute();
}

export async function findSessionWithStaff(db: Executor, sessionId: string): Promise<SessionWithStaff | undefined> {
  const row = await db
    .selectFrom('staff_sessions as s')
    .innerJoin('staff as st', 'st.id', 's.staff_id')
    .innerJoin('units as u', 'u.id', 'st.unit_id')
    .select([
      's.id as sessionId',
      'st.id as staffId',
      'st.username',
      'st.display_name as displayName',
      'st.role',
      'st.unit_id as unitId',
      'u.path as unitPath',
      's.created_at as createdAt',
      's.last_seen_at as lastSeenAt',
      's.expires_at as expiresAt',
      'st.disabled',
      'st.must_change_password as mustChangePassword',
      'st.temporary_password_set_by as temporaryPasswordSetBy',
    ])
    .where('s.id', '=', sessionId)
    .executeTakeFirst();
  return row;
}

export async function touchSession(db: Executor, sessionId: string, now: Date): Promise<void> {
  await db.updateTable('staff_sessions').set({ last_seen_at: now }).where('id', '=', sessionId).execute();
}

export async function deleteSession(db: Executor, sessionId: string): Promise<void> {
  await db.deleteFrom('staff_sessions').where('id', '=', sessionId).execute();
}

/** Ends every session of a staff member except, optionally, one (the session that changed the password). */
export async function deleteSessionsOfStaff(db: Executor, staffId: string, exceptSessionId?: string): Promise<void> {
  let query = db.deleteFrom('staff_sessions').where('staff_id', '=', staffId);
  if (exceptSessionId) query = query.where('id', '<>', exceptSessionId);
  await query.execute();
}
