import { createApiClient } from '@xinfang/client/trpc';

/** The one API client of the console. */
export const api = createApiClient();
