import { PetitionListPage, PetitionListQuery } from '@xinfang/domain/petition';
import { listPetitions } from '@xinfang/db/repositories/petitions';
import { router, staffProcedure } from '../../trpc.ts';

export const petitionsRouter = router({
  /** A keyset page of the petitions in the reader's jurisdiction, newest first. */
  list: staffProcedure('petition.list')
    .input(PetitionListQuery)
    .output(PetitionListPage)
    .query(async ({ ctx, input }) => {
      const { items, total } = await listPetitions(ctx.db, { scopePath: ctx.unitPath, statuses: input.statuses, limit: input.limit, after: input.after });
      const last = items.at(-1);
      return { items, total, nextCursor: items.length === input.limit && last ? { receivedAt: last.receivedAt, id: last.id } : null };
    }),
});
