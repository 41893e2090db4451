import type { QueryClient } from '@tanstack/vue-query';
import type { Router } from 'vue-router';
import { api } from '../../api.ts';

export const passwordStatusQueryKey = ['auth', 'session'] as const;

/**
 * Sends a signed-in account that must change its password (first sign-in outside demo mode, new or reset account), or
 * that waits for another administrator's confirmation, to the change-password screen, which says which; the API
 * refuses everything else meanwhile anyway.
 */
export function installPasswordChangeGuard(router: Router, queryClient: QueryClient): void {
  router.beforeEach(async (to) => {
    if (to.meta.public || to.name === 'change-password') return true;
    const status = await queryClient
      .fetchQuery({ queryKey: passwordStatusQueryKey, queryFn: () => api.auth.session.query(), staleTime: 60_000 })
      .catch(() => null);
    return status?.mustChangePassword || status?.awaitingConfirmation ? { name: 'change-password' } : true;
  });
}
