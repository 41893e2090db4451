import { sql } from 'kysely';
import type { Executor } from '../database.ts';

export interface ReceptionStaffRow {
  id: string;
  name: string;
  role: string;
  unitId: string;
}

export interface VisitReceptionRow {
  arrived_at: Date | string;
  person_count: number;
  is_collective: boolean;
  guided_online: boolean;
  /** The staff present, in the order registration stored them; ids no longer in `staff` are left out. */
  staff: ReceptionStaffRow[];
}

/**
 * A visit and the names of the staff who received it jointly (1+1+1+N), in one statement: the visit by its primary key,
 * each stored staff id by the staff primary key.
 */
export async function findVisitReception(db: Executor, visitId: string): Promise<VisitReceptionRow | undefined> {
  return db
    .selectFrom('visits')
    .select(['arrived_at', 'person_count', 'is_collective', 'guided_online'])
    .select(
      sql<ReceptionStaffRow[]>`(
        select coalesce(jsonb_agg(jsonb_build_object('id', s.id, 'name', s.display_name, 'role', s.role, 'unitId', s.unit_id) order by present.ord), '[]'::jsonb)
        from jsonb_array_elements_text(visits.staff_present) with ordinality as present(staff_id, ord)
        join staff s on s.id = present.staff_id::uuid
      )`.as('staff'),
    )
    .where('id', '=', visitId)
    .executeTakeFirst();
}
