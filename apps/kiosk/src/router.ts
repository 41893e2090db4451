import { createRouter, createWebHistory } from 'vue-router';

export const router = createRouter({
  history: createWebHistory('/kiosk/'),
  routes: [
    { path: '/', name: 'home', component: () => import('./features/home/home-view.vue') },
    { path: '/submit', name: 'submit', component: () => import('./features/submit/submit-view.vue') },
    { path: '/receipt', name: 'receipt', component: () => import('./features/submit/receipt-view.vue') },
    { path: '/track', name: 'track', component: () => import('./features/track/track-view.vue') },
    { path: '/:pathMatch(.*)*', redirect: '/' },
  ],
  scrollBehavior: () => ({ top: 0 }),
});
