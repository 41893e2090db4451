import { SearchQuery, SearchResult } from '@xinfang/domain/search/search-query';
import { router, staffProcedure } from '../../trpc.ts';
import { searchMatters } from './search.service.ts';

export const searchRouter = router({
  /** Full-text search over matter text (summary, content, request) within the reader's jurisdiction. */
  petitions: staffProcedure('petition.list').input(SearchQuery).output(SearchResult).query(({ ctx, input }) => searchMatters(ctx, input)),
});
