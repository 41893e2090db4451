import { PetitionDocument } from '@xinfang/domain/casework/documents';
import { DomainError } from '@xinfang/domain/errors';
import { findDocument } from '@xinfang/db/repositories/petition-workflow';
import { listUnits } from '@xinfang/db/repositories/units';
import { z } from 'zod';
import { router, staffProcedure } from '../../trpc.ts';
import { assertMayView, loadPetition, unitTreeOf } from '../petitions/workflow.service.ts';

export const documentsRouter = router({
  /** One issued notice, as frozen at issue, for the printable A4 page. Same jurisdiction as the petition. */
  get: staffProcedure('petition.view')
    .input(z.object({ id: z.string().uuid() }))
    .output(PetitionDocument)
    .query(async ({ ctx, input }) => {
      const row = await findDocument(ctx.db, input.id);
      if (!row) throw new DomainError('document.notFound', 'notFound');
      const loaded = await loadPetition(ctx.db, row.petition_id);
      assertMayView(ctx.actor, loaded.state, unitTreeOf(await listUnits(ctx.db)));
      return PetitionDocument.parse({ ...(row.content as object), id: row.id });
    }),
});
