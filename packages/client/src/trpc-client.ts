import { createTRPCClient, httpBatchLink, type TRPCClient } from '@trpc/client';
import type { AppRouter } from '@xinfang/api';

export type ApiClient = TRPCClient<AppRouter>;

/**
 * The typed client both apps use. Same-origin: the server serves the apps and the API, so the session cookie
 * (SameSite=Strict) travels and no CORS is needed.
 * @example const api = createApiClient(); await api.kiosk.submit.mutate(input)
 */
export function createApiClient(url = '/trpc', fetchImplementation: typeof fetch = (input, init) => globalThis.fetch(input, init)): ApiClient {
  return createTRPCClient<AppRouter>({
    // the server refuses batches of more than 10 calls (apps/server/src/rate-limits.ts)
    links: [httpBatchLink({ url, maxItems: 10, fetch: (input, init) => fetchImplementation(input, { ...init, credentials: 'same-origin' }) })],
  });
}
