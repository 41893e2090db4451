import { QueryClient, VueQueryPlugin, type VueQueryPluginOptions } from '@tanstack/vue-query';
import type { App } from 'vue';

/**
 * Installs TanStack Vue Query with the defaults both apps want: no retry on a 4xx (the answer will not change),
 * a short stale time, and no refetch storms when a kiosk regains focus.
 */
export function installVueQuery(app: App): QueryClient {
  const queryClient = new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 15_000,
        refetchOnWindowFocus: false,
        retry: (failureCount, error) => {
          const status = (error as { data?: { httpStatus?: number } }).data?.httpStatus;
          return status !== undefined && status < 500 ? false : failureCount < 2;
        },
      },
    },
  });
  app.use(VueQueryPlugin, { queryClient } satisfies VueQueryPluginOptions);
  return queryClient;
}
