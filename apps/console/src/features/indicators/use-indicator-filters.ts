import { useQuery } from '@tanstack/vue-query';
import type { IndicatorPeriod } from '@xinfang/domain/indicators/indicator-period';
import { defaultScopeFor, type IndicatorScope } from '@xinfang/domain/indicators/indicator-scope';
import { shanghaiDay } from '@xinfang/domain/time/calendar-day';
import { computed } from 'vue';
import { useRoute, useRouter } from 'vue-router';
import { api } from '../../api.ts';
import { useSession } from '../auth/use-session.ts';
import { periodFromParam, periodToParam, scopeFromParam, scopeToParam } from './indicator-filters.ts';

/** The unit tree, kept for ten minutes (reference data). */
export function useUnits() {
  return useQuery({ queryKey: ['units', 'tree'], queryFn: () => api.units.tree.query(), staleTime: 600_000 });
}

/**
 * The dashboard's period and scope, read from and written to the URL. Without them the dashboard shows this year
 * (Asia/Shanghai) for the reader's own unit: the district for the bureau, their street for a street, else their unit.
 */
export function useIndicatorFilters() {
  const route = useRoute();
  const router = useRouter();
  const session = useSession();
  const units = useUnits();
  const thisYear = Number(shanghaiDay(new Date().toISOString()).slice(0, 4));

  const period = computed<IndicatorPeriod>(() => periodFromParam(route.query.period) ?? { kind: 'year', year: thisYear });
  const readerUnit = computed(() => units.data.value?.find((unit) => unit.id === session.data.value?.unitId));
  const scope = computed<IndicatorScope | undefined>(() => {
    const chosen = scopeFromParam(route.query.scope);
    if (chosen) return chosen;
    const unit = readerUnit.value;
    return unit ? defaultScopeFor({ id: unit.id, kind: unit.kind, path: '' }) : undefined;
  });

  /** Units the reader reaches: their own and every unit below it. */
  const reachable = computed(() => {
    const all = units.data.value ?? [];
    const reader = readerUnit.value;
    if (!reader) return [];
    const parentOf = new Map(all.map((unit) => [unit.id, unit.parentId]));
    const below = (id: string) => {
      for (let cursor: string | null | undefined = id; cursor; cursor = parentOf.get(cursor)) if (cursor === reader.id) return true;
      return false;
    };
    return all.filter((unit) => below(unit.id));
  });

  /** The filters as query values, to carry into links (the drill-down and back). */
  const query = computed(() => ({ period: periodToParam(period.value), ...(scope.value ? { scope: scopeToParam(scope.value) } : {}) }));

  function setPeriod(next: IndicatorPeriod) {
    void router.replace({ query: { ...route.query, period: periodToParam(next) } });
  }
  function setScope(next: IndicatorScope) {
    void router.replace({ query: { ...route.query, scope: scopeToParam(next) } });
  }
  return { period, scope, readerUnit, reachable, units, query, setPeriod, setScope };
}
