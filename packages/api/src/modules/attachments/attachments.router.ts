import { AttachmentContentType, AttachmentImage, AttachmentListQuery, AttachmentQuery, AttachmentSummary } from '@xinfang/domain/casework/attachments';
import { DomainError } from '@xinfang/domain/errors';
import { findAttachmentData, listAttachments } from '@xinfang/db/repositories/attachments';
import { listUnits } from '@xinfang/db/repositories/units';
import { z } from 'zod';
import { cachedReference } from '../../reference-cache.ts';
import { router, staffProcedure } from '../../trpc.ts';
import { assertMayView, loadPetition, unitTreeOf, type StaffContext } from '../petitions/workflow.service.ts';

/** Refuses unless the reader may view the petition (jurisdiction, accusation firewall, recusal): photos are case material. */
async function assertMayViewPetition(ctx: StaffContext, petitionId: string): Promise<void> {
  const [loaded, units] = await Promise.all([loadPetition(ctx.db, petitionId), cachedReference(ctx.db, 'units', () => listUnits(ctx.db))]);
  assertMayView(ctx.actor, loaded, unitTreeOf(units));
}

export const attachmentsRouter = router({
  /** The photos attached to a petition (metadata only), for a reader who may view the petition. */
  list: staffProcedure('petition.view')
    .input(AttachmentListQuery)
    .output(z.array(AttachmentSummary))
    .query(async ({ ctx, input }) => {
      const [rows] = await Promise.all([listAttachments(ctx.db, input.petitionId), assertMayViewPetition(ctx, input.petitionId)]);
      return rows.map((row) => ({
        id: row.id,
        position: row.position,
        contentType: AttachmentContentType.parse(row.content_type),
        sizeBytes: row.size_bytes,
        createdAt: new Date(row.created_at).toISOString(),
      }));
    }),
  /** One photo's bytes (base64, at most 300 KB), for a reader who may view its petition. */
  image: staffProcedure('petition.view')
    .input(AttachmentQuery)
    .output(AttachmentImage)
    .query(async ({ ctx, input }) => {
      await assertMayViewPetition(ctx, input.petitionId);
      const row = await findAttachmentData(ctx.db, input.petitionId, input.id);
      if (!row) throw new DomainError('attachment.notFound', 'notFound');
      return { id: row.id, contentType: AttachmentContentType.parse(row.content_type), base64: Buffer.from(row.data).toString('base64') };
    }),
});
