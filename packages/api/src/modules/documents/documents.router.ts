import { PetitionDocument } from '@xinfang/domain/casework/documents';
import { DomainError } from '@xinfang/domain/errors';
import { findDocument } from '@xinfang/db/repositories/petition-documents';
import { z } from 'zod';
import { router, staffProcedure } from '../../trpc.ts';
import { loadViewablePetition, type StaffContext } from '../petitions/workflow.service.ts';

/** One issued notice, as frozen at issue, for a reader with jurisdiction over its petition. */
async function viewableDocument(ctx: StaffContext, id: string): Promise<PetitionDocument> {
  const row = await findDocument(ctx.db, id);
  if (!row) throw new DomainError('document.notFound', 'notFound');
  await loadViewablePetition(ctx, row.petition_id);
  return PetitionDocument.parse({ ...(row.content as object), id: row.id });
}

export const documentsRouter = router({
  /** One issued notice, as frozen at issue, for the printable A4 page. Same jurisdiction as the petition. */
  get: staffProcedure('petition.view')
    .input(z.object({ id: z.string().uuid() }))
    .output(PetitionDocument)
    .query(({ ctx, input }) => viewableDocument(ctx, input.id)),
  /** The same notice as a PDF file (base64), rendered with the font shipped in node_modules. Same jurisdiction. */
  pdf: staffProcedure('petition.view')
    .input(z.object({ id: z.string().uuid() }))
    .output(z.object({ fileName: z.string(), base64: z.string() }))
    .query(async ({ ctx, input }) => {
      const document = await viewableDocument(ctx, input.id);
      // pdf-lib, fontkit and HarfBuzz are megabytes of code and wasm memory that only this procedure needs: loaded
      // on the first notice, not at the server's start
      const { pdfFileName, renderDocumentPdf } = await import('./document-pdf.ts');
      const bytes = await renderDocumentPdf(document);
      return { fileName: pdfFileName(document), base64: Buffer.from(bytes).toString('base64') };
    }),
});
