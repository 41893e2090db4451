import { createApiClient } from '@xinfang/client/trpc';

/** The one API client of the kiosk. */
export const api = createApiClient();
