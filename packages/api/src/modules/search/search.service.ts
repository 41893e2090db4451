import { PetitionClass, type Channel, type Light, type PetitionStatus } from '@xinfang/domain/petition';
import type { SearchQuery, SearchResult } from '@xinfang/domain/search/search-query';
import { searchExcerpt, wordsNotShown } from '@xinfang/domain/search/search-highlight';
import { searchPetitions, type PetitionSearchRow } from '@xinfang/db/repositories/search';
import type { z } from 'zod';
import { filerNameFor, readerScopeOf, type StaffContext } from '../petitions/workflow.service.ts';

type ParsedSearchQuery = z.output<typeof SearchQuery>;

/** The passage where the words a hit does not already show (summary, name as shown, code, respondent) occur, or null. */
function excerptOf(row: PetitionSearchRow, shownName: string, text: string): string | null {
  const missing = wordsNotShown(text, [row.summary, shownName, row.tracking_code, row.respondent ?? '']);
  return missing ? (searchExcerpt([row.content, row.request], missing) ?? null) : null;
}

/**
 * Petitions in the reader's jurisdiction holding every word of the query — in their text, tracking code or (where the
 * reader may see the filer) the filer's name — newest first, with the passage where the words occur when the summary
 * does not hold them all.
 */
export async function searchMatters(ctx: StaffContext, input: ParsedSearchQuery): Promise<SearchResult> {
  const rows = await searchPetitions(ctx.db, { reader: await readerScopeOf(ctx), text: input.text, limit: input.limit });
  return {
    items: rows.slice(0, input.limit).map((row) => {
      const petitionClass = PetitionClass.safeParse(row.petition_class).data ?? null;
      const petitionerName = filerNameFor(ctx.actor, petitionClass, row.petitioner_name);
      return {
        id: row.id,
        trackingCode: row.tracking_code,
        status: row.status as PetitionStatus,
        channel: row.channel as Channel,
        petitionClass,
        summary: row.summary,
        petitionerName,
        respondent: row.respondent,
        excerpt: excerptOf(row, petitionerName, input.text),
        receivedAt: new Date(row.received_at).toISOString(),
        light: (row.light as Light | null) ?? null,
      };
    }),
    hasMore: rows.length > input.limit,
  };
}
