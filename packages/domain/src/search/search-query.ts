import { z } from 'zod';
import { Channel, Light, PetitionClass, PetitionStatus } from '../petition/petition.ts';
import { SafeText } from '../text/safe-text.ts';

/**
 * A staff search: words separated by spaces, each of which must occur (case-insensitive) in the summary, content,
 * request (希望怎样解决), respondent (反映谁) or tracking code — or in the filer's name, where the reader may see who
 * filed the matter.
 * @example SearchQuery.parse({ text: '电梯 维修' }).limit // 20
 */
export const SearchQuery = z.object({
  text: SafeText.trim().min(1, 'validation.required').max(50, 'validation.text.tooLong'),
  limit: z.number().int().min(1).max(100).default(20),
});
export type SearchQuery = z.input<typeof SearchQuery>;

/** One search hit: enough for a result list with its matches marked; the case detail is one click away. */
export const SearchHit = z.object({
  id: z.string().uuid(),
  trackingCode: z.string(),
  status: PetitionStatus,
  channel: Channel,
  petitionClass: PetitionClass.nullable(),
  summary: z.string(),
  /** Masked for an accusation when the reader may not see the accuser. */
  petitionerName: z.string(),
  /** Whom the matter is about, as the visitor wrote it (反映谁). */
  respondent: z.string().nullable(),
  /** Where the words occur in the content, request or respondent, when not all of them are in the summary. */
  excerpt: z.string().nullable(),
  receivedAt: z.string(),
  light: Light.nullable(),
});
export type SearchHit = z.infer<typeof SearchHit>;

/** The newest matches first; `hasMore` when more than `limit` matched. */
export const SearchResult = z.object({ items: z.array(SearchHit), hasMore: z.boolean() });
export type SearchResult = z.infer<typeof SearchResult>;
