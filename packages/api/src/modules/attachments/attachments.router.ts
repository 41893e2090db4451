import { AttachmentContentType, AttachmentImage, AttachmentListQuery, AttachmentQuery, AttachmentSummary } from '@xinfang/domain/casework/attachments';
import { DomainError } from '@xinfang/domain/errors';
import { findAttachmentData, listAttachments } from '@xinfang/db/repositories/attachments';
import { z } from 'zod';
import { router, staffProcedure } from '../../trpc.ts';
import { loadViewablePetition } from '../petitions/workflow.service.ts';

export const attachmentsRouter = router({
  /** The photos attached to a petition (metadata only), for a reader who may view the petition. */
  list: staffProcedure('petition.view')
    .input(AttachmentListQuery)
    .output(z.array(AttachmentSummary))
    .query(async ({ ctx, input }) => {
      const [rows] = await Promise.all([listAttachments(ctx.db, input.petitionId), loadViewablePetition(ctx, input.petitionId)]);
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
      await loadViewablePetition(ctx, input.petitionId);
      const row = await findAttachmentData(ctx.db, input.petitionId, input.id);
      if (!row) throw new DomainError('attachment.notFound', 'notFound');
      return { id: row.id, contentType: AttachmentContentType.parse(row.content_type), base64: Buffer.from(row.data).toString('base64') };
    }),
});
