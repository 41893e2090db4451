import type { QueryClient } from '@tanstack/vue-query';
import { createRouter, createWebHistory, type Router } from 'vue-router';
import { api } from './api.ts';
import { installPasswordChangeGuard } from './features/admin/password-guard.ts';
import { sessionQueryKey } from './features/auth/use-session.ts';

/** Routes of the console; every route but sign-in needs a signed-in staff member. */
export function createConsoleRouter(queryClient: QueryClient): Router {
  const router = createRouter({
    history: createWebHistory('/console/'),
    routes: [
      { path: '/sign-in', name: 'sign-in', component: () => import('./features/auth/sign-in-view.vue'), meta: { public: true } },
      { path: '/change-password', name: 'change-password', component: () => import('./features/admin/change-password-view.vue') },
      { path: '/documents/:id', name: 'document', component: () => import('./features/documents/document-view.vue') },
      {
        path: '/',
        component: () => import('./layouts/console-layout.vue'),
        children: [
          { path: '', redirect: { name: 'petitions' } },
          { path: 'petitions', name: 'petitions', component: () => import('./features/petitions/petition-list-view.vue') },
          { path: 'petitions/:id', name: 'petition', component: () => import('./features/casework/petition-detail-view.vue') },
          { path: 'queues/:queue?', name: 'queue', component: () => import('./features/queues/queue-view.vue') },
          { path: 'register', name: 'register', component: () => import('./features/registration/register-view.vue') },
          { path: 'admin/accounts', name: 'admin-accounts', component: () => import('./features/admin/account-admin-view.vue') },
          { path: 'admin/audit', name: 'admin-audit', component: () => import('./features/admin/audit-log-view.vue') },
          { path: 'calendar', name: 'calendar', component: () => import('./features/calendar/calendar-view.vue') },
          { path: 'indicators', name: 'indicators', component: () => import('./features/indicators/indicator-dashboard-view.vue') },
          { path: 'indicators/:indicatorId/:part', name: 'indicator-drill-down', component: () => import('./features/indicators/indicator-drill-down-view.vue') },
          // the psychological studio: one generic list / form / detail for every declared record kind
          { path: 'records/:kind', name: 'records', component: () => import('./features/records/record-list-view.vue') },
          { path: 'records/:kind/new', name: 'record-new', component: () => import('./features/records/record-form-view.vue') },
          { path: 'records/:kind/:id', name: 'record', component: () => import('./features/records/record-detail-view.vue') },
          { path: 'records/:kind/:id/edit', name: 'record-edit', component: () => import('./features/records/record-form-view.vue') },
        ],
      },
      { path: '/:pathMatch(.*)*', redirect: '/' },
    ],
  });
  router.beforeEach(async (to) => {
    if (to.meta.public) return true;
    const actor = await queryClient.fetchQuery({ queryKey: sessionQueryKey, queryFn: () => api.auth.me.query(), staleTime: 60_000 }).catch(() => null);
    return actor ? true : { name: 'sign-in', query: { redirect: to.fullPath } };
  });
  installPasswordChangeGuard(router, queryClient);
  return router;
}
