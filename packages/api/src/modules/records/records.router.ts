import { DomainError } from '@xinfang/domain/errors';
import { recordDetailSchema, recordListQuery, recordPageSchema, roleMayUseRecordKind, type Facets, type RecordKind, type RecordOperation } from '@xinfang/domain/records/record-kind';
import { recordKinds } from '@xinfang/domain/records/record-kinds';
import { z } from 'zod';
import { router, staffProcedure } from '../../trpc.ts';
import { createRecord, getRecord, listKindRecords, updateRecordPayload } from './records.service.ts';

/**
 * A resolver's result for a generic kind: tRPC's output type over a generic zod schema does not reduce, so the compiler
 * cannot match it; the procedure's `.output()` schema still checks the value at run time and types it for the client.
 */
function checkedByOutput(value: unknown): never {
  return value as never;
}

/** A kind's own roles, checked before its input is read (an unauthorised caller learns nothing from validation). */
function kindProcedure(kind: Pick<RecordKind<z.ZodObject, Facets>, 'access'>, operation: RecordOperation) {
  return staffProcedure('records.use').use(({ ctx, next }) => {
    if (!roleMayUseRecordKind(ctx.actor.role, kind, operation)) throw new DomainError('auth.forbidden', 'forbidden');
    return next();
  });
}

/**
 * The procedures of one record kind, all from its declaration: `create`, `update` (optimistic, by version), `get`
 * (with who changed which fields when) and `list` (keyset pages filtered by the kind's facets).
 */
export function recordRouter<Schema extends z.ZodObject>(kind: RecordKind<Schema, Facets>) {
  const detail = recordDetailSchema(kind.schema);
  return router({
    create: kindProcedure(kind, 'create')
      .input(kind.schema)
      .output(detail)
      .mutation(async ({ ctx, input }) => checkedByOutput(await createRecord(ctx, kind, input))),
    update: kindProcedure(kind, 'update')
      .input(z.object({ id: z.string().uuid('validation.invalid'), expectedVersion: z.number().int().min(1), payload: kind.schema }))
      .output(detail)
      .mutation(async ({ ctx, input }) => {
        const { id, expectedVersion, payload } = input as { id: string; expectedVersion: number; payload: unknown };
        return checkedByOutput(await updateRecordPayload(ctx, kind, id, expectedVersion, payload));
      }),
    get: kindProcedure(kind, 'read')
      .input(z.object({ id: z.string().uuid('validation.invalid') }))
      .output(detail)
      .query(async ({ ctx, input }) => checkedByOutput(await getRecord(ctx, kind, input.id))),
    list: kindProcedure(kind, 'read')
      .input(recordListQuery(kind.list.filters))
      .output(recordPageSchema(kind.schema))
      .query(async ({ ctx, input }) => checkedByOutput(await listKindRecords(ctx, kind, input as Parameters<typeof listKindRecords>[2]))),
  });
}

/** One sub-router per declared kind: `records.careForm.create`, `records.counsellingSession.list`… */
export const recordsRouter = router({
  careForm: recordRouter(recordKinds.careForm),
  counsellingSession: recordRouter(recordKinds.counsellingSession),
});
