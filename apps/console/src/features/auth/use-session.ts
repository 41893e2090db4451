import { useQuery, useQueryClient } from '@tanstack/vue-query';
import { api } from '../../api.ts';

export const sessionQueryKey = ['auth', 'me'] as const;

/** The signed-in staff member (null when signed out), shared by every screen. */
export function useSession() {
  return useQuery({ queryKey: sessionQueryKey, queryFn: () => api.auth.me.query(), staleTime: 60_000 });
}

export function useSignOut() {
  const queryClient = useQueryClient();
  return async () => {
    await api.auth.signOut.mutate();
    queryClient.clear();
  };
}
