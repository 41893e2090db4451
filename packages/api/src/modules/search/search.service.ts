import type { SearchQuery, SearchResult } from '@xinfang/domain/search/search-query';
import { searchPetitions } from '@xinfang/db/repositories/search';
import type { z } from 'zod';
import { readerScopeOf, type StaffContext } from '../petitions/workflow.service.ts';

type ParsedSearchQuery = z.output<typeof SearchQuery>;

/** Petitions in the reader's jurisdiction whose text contains every word of the query, newest first. */
export async function searchMatters(ctx: StaffContext, input: ParsedSearchQuery): Promise<SearchResult> {
  const rows = await searchPetitions(ctx.db, { reader: await readerScopeOf(ctx), text: input.text, limit: input.limit });
  return {
    items: rows.slice(0, input.limit).map((row) => ({
      id: row.id,
      trackingCode: row.tracking_code,
      status: row.status,
      summary: row.summary,
      receivedAt: new Date(row.received_at).toISOString(),
    })),
    hasMore: rows.length > input.limit,
  };
}
