import { listUnits } from '@xinfang/db/repositories/units';
import { UnitKind } from '@xinfang/domain/staff';
import { z } from 'zod';
import { router, staffProcedure } from '../../trpc.ts';

const UnitEntry = z.object({ id: z.string().uuid(), parentId: z.string().uuid().nullable(), kind: UnitKind, code: z.string(), nameZh: z.string(), nameEn: z.string() });
const StaffEntry = z.object({ id: z.string().uuid(), displayName: z.string(), role: z.string(), unitId: z.string().uuid() });

export const unitsRouter = router({
  /** The whole unit tree, parents first: for pickers (routing, review levels, filters). */
  tree: staffProcedure('staff.self')
    .input(z.void())
    .output(z.array(UnitEntry))
    .query(async ({ ctx }) =>
      (await listUnits(ctx.db)).map((unit) => ({ id: unit.id, parentId: unit.parent_id, kind: UnitKind.parse(unit.kind), code: unit.code, nameZh: unit.name_zh, nameEn: unit.name_en })),
    ),
  /** Active staff of one unit (assigning a handler or a mediator, joint reception). */
  staff: staffProcedure('petition.act')
    .input(z.object({ unitId: z.string().uuid() }))
    .output(z.array(StaffEntry))
    .query(async ({ ctx, input }) => {
      const rows = await ctx.db
        .selectFrom('staff')
        .select(['id', 'display_name', 'role', 'unit_id'])
        .where('unit_id', '=', input.unitId)
        .where('disabled', '=', false)
        .orderBy('display_name')
        .execute();
      return rows.map((row) => ({ id: row.id, displayName: row.display_name, role: row.role, unitId: row.unit_id }));
    }),
});
