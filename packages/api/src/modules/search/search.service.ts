import { PetitionClass, type Channel, type Light, type PetitionStatus } from '@xinfang/domain/petition';
import type { SearchQuery, SearchResult } from '@xinfang/domain/search/search-query';
import { searchExcerpt } from '@xinfang/domain/search/search-highlight';
import { matchesAllWords } from '@xinfang/domain/search/search-tokens';
import { searchPetitions } from '@xinfang/db/repositories/search';
import type { z } from 'zod';
import { filerNameFor, readerScopeOf, type StaffContext } from '../petitions/workflow.service.ts';

type ParsedSearchQuery = z.output<typeof SearchQuery>;

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
      return {
        id: row.id,
        trackingCode: row.tracking_code,
        status: row.status as PetitionStatus,
        channel: row.channel as Channel,
        petitionClass,
        summary: row.summary,
        petitionerName: filerNameFor(ctx.actor, petitionClass, row.petitioner_name),
        respondent: row.respondent,
        excerpt: matchesAllWords(row.summary, input.text) ? null : (searchExcerpt([row.content, row.request, row.respondent], input.text) ?? null),
        receivedAt: new Date(row.received_at).toISOString(),
        light: (row.light as Light | null) ?? null,
      };
    }),
    hasMore: rows.length > input.limit,
  };
}
