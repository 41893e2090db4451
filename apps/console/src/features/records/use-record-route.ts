import { roleMayUseRecordKind, type RecordOperation } from '@xinfang/domain/records/record-kind';
import { computed } from 'vue';
import { useRoute } from 'vue-router';
import { useSession } from '../auth/use-session.ts';
import { findRecordKind } from './record-fields.ts';

/**
 * The kind a route names (`/records/:kind/...`) and whether the signed-in role may use it: a role the kind does not
 * list is refused on the screen before any call (the API refuses it too).
 */
export function useRecordRoute(operation: RecordOperation) {
  const route = useRoute();
  const session = useSession();
  const named = computed(() => findRecordKind(route.params.kind));
  const role = computed(() => session.data.value?.role);
  const allowed = computed(() => (named.value && role.value ? roleMayUseRecordKind(role.value, named.value.kind, operation) : false));
  const mayCreate = computed(() => (named.value && role.value ? roleMayUseRecordKind(role.value, named.value.kind, 'create') : false));
  const mayUpdate = computed(() => (named.value && role.value ? roleMayUseRecordKind(role.value, named.value.kind, 'update') : false));
  const recordId = computed(() => (typeof route.params.id === 'string' ? route.params.id : undefined));
  /** Known once the session is: until then the screen shows neither the refusal nor the records. */
  const ready = computed(() => session.data.value !== undefined);
  return { named, allowed, mayCreate, mayUpdate, recordId, ready, session };
}
