import { useQuery } from '@tanstack/vue-query';
import { computed } from 'vue';
import { api } from '../api.ts';
import { currentLanguage } from '../i18n.ts';

/** The hall's configuration from the server (not the bundle): its name and the idle timings. */
export function useKioskConfiguration() {
  const query = useQuery({ queryKey: ['kiosk', 'configuration'], queryFn: () => api.kiosk.configuration.query(), staleTime: Infinity, retry: 3 });
  const hallName = computed(() => {
    const data = query.data.value;
    if (!data) return '';
    return currentLanguage.value === 'en' ? data.hallNameEn : data.hallNameZh;
  });
  const idleTimings = computed(() => {
    const data = query.data.value;
    return data ? { warningSeconds: data.idleWarningSeconds, resetSeconds: data.idleResetSeconds } : undefined;
  });
  return { query, hallName, idleTimings };
}
