import { buildDocumentContent as buildContent, type DocumentInput as ContentInput } from '@xinfang/domain/casework/document-content';
import type { DocumentKind, PetitionDocument } from '@xinfang/domain/casework/documents';
import type { PetitionCommandInput } from '@xinfang/domain/workflow/petition-command';
import type { PetitionState } from '@xinfang/domain/workflow/petition-state';
import type { Executor } from '@xinfang/db/database';
import type { PetitionRow, UnitRow } from '@xinfang/db/schema';

export interface DocumentInput {
  kind: DocumentKind;
  row: PetitionRow;
  before: PetitionState;
  after: PetitionState;
  command: PetitionCommandInput;
  units: readonly UnitRow[];
  now: Date;
  serialNumber: string;
}

/** The frozen content of a step's notice (the domain's `buildDocumentContent`), with the petitioner's name read here. */
export async function buildDocumentContent(db: Executor, input: DocumentInput): Promise<{ issuingUnitId: string; document: Omit<PetitionDocument, 'id'> }> {
  const petitioner = await db.selectFrom('petitioners').select('name').where('id', '=', input.row.petitioner_id).executeTakeFirst();
  const content: ContentInput = {
    kind: input.kind,
    matter: {
      petitionId: input.row.id,
      trackingCode: input.row.tracking_code,
      summary: input.row.summary,
      receivedAt: input.row.received_at,
      isCollective: input.row.is_collective,
      headcount: input.row.headcount,
      petitionerName: petitioner?.name ?? '',
    },
    before: input.before,
    after: input.after,
    command: input.command,
    units: input.units.map((unit) => ({ id: unit.id, kind: unit.kind, nameZh: unit.name_zh })),
    now: input.now,
    serialNumber: input.serialNumber,
  };
  return buildContent(content);
}
