import { SearchQuery, SearchResult } from '@xinfang/domain/search/search-query';
import { router, staffProcedure } from '../../trpc.ts';
import { searchMatters } from './search.service.ts';

export const searchRouter = router({
  /**
   * Full-text search (character pairs) within the reader's jurisdiction: summary, content, request, respondent,
   * tracking code and — where the reader may see the filer — the filer's name.
   */
  petitions: staffProcedure('petition.list').input(SearchQuery).output(SearchResult).query(({ ctx, input }) => searchMatters(ctx, input)),
});
