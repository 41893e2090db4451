import { z } from 'zod';
import { SafeText } from '../text/safe-text.ts';

/**
 * A staff search over matter text: words separated by spaces, all of which must occur (case-insensitive).
 * @example SearchQuery.parse({ text: '电梯 维修' }).limit // 20
 */
export const SearchQuery = z.object({
  text: SafeText.trim().min(1, 'validation.required').max(50, 'validation.text.tooLong'),
  limit: z.number().int().min(1).max(100).default(20),
});
export type SearchQuery = z.input<typeof SearchQuery>;

/** One search hit: enough for a result list; the case detail is one click away. */
export const SearchHit = z.object({
  id: z.string().uuid(),
  trackingCode: z.string(),
  status: z.string(),
  summary: z.string(),
  receivedAt: z.string(),
});
export type SearchHit = z.infer<typeof SearchHit>;

/** The newest matches first; `hasMore` when more than `limit` matched. */
export const SearchResult = z.object({ items: z.array(SearchHit), hasMore: z.boolean() });
export type SearchResult = z.infer<typeof SearchResult>;
