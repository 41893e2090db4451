import { useQuery } from '@tanstack/vue-query';
import { describeApiError } from '@xinfang/client/errors';
import { computed, nextTick, onBeforeUnmount, reactive, ref, watch, type Ref } from 'vue';
import { useRouter } from 'vue-router';
import { api } from '../../api.ts';
import { currentLanguage } from '../../i18n.ts';
import { messagesForSteps, stepOfField } from './submit-validation.ts';
import { draft, lastReceipt, resetDraft, toSubmission } from './submission-store.ts';

/** The submit wizard's state across its steps: field messages, moving between steps, and sending with retries. */
export function useSubmitForm(heading: Readonly<Ref<HTMLElement | null>>) {
  const router = useRouter();
  const errors = reactive<Record<string, string>>({});
  const formError = ref('');
  const status = ref<'idle' | 'submitting' | 'waitingForNetwork'>('idle');
  const attempts = ref(0);
  const places = useQuery({ queryKey: ['kiosk', 'places'], queryFn: () => api.kiosk.places.query(), staleTime: Infinity });
  const selectedStreet = computed(() => places.data.value?.find((street) => street.code === draft.streetCode));
  let retryTimer: ReturnType<typeof setTimeout> | undefined;

  function clearErrors(): void {
    for (const key of Object.keys(errors)) delete errors[key];
  }

  function showMessages(messages: Record<string, string>): boolean {
    clearErrors();
    Object.assign(errors, messages);
    return Object.keys(messages).length === 0;
  }

  function checkField(field: string): void {
    const messages = messagesForSteps(draft, [stepOfField(field)], currentLanguage.value);
    if (messages[field]) errors[field] = messages[field];
    else delete errors[field];
  }

  async function focusHeading(): Promise<void> {
    await nextTick();
    heading.value?.focus();
    window.scrollTo({ top: 0 });
  }

  async function next(): Promise<void> {
    formError.value = '';
    if (!showMessages(messagesForSteps(draft, [draft.step], currentLanguage.value))) {
      await nextTick();
      document.querySelector<HTMLElement>('.van-field__error-message, .kiosk-error')?.scrollIntoView({ block: 'center' });
      return;
    }
    draft.step += 1;
    await focusHeading();
  }

  async function back(): Promise<void> {
    clearErrors();
    if (draft.step === 0) {
      await router.push('/');
      return;
    }
    draft.step -= 1;
    await focusHeading();
  }

  async function goTo(step: number): Promise<void> {
    draft.step = step;
    await focusHeading();
  }

  function scheduleRetry(): void {
    clearTimeout(retryTimer);
    retryTimer = setTimeout(() => void send(), Math.min(15_000, 3000 * attempts.value));
  }

  function onOnline(): void {
    if (status.value === 'waitingForNetwork') {
      clearTimeout(retryTimer);
      void send();
    }
  }
  window.addEventListener('online', onOnline);
  onBeforeUnmount(() => {
    clearTimeout(retryTimer);
    window.removeEventListener('online', onOnline);
  });

  /** Sends the draft; the same idempotency key on every retry, so a double tap or a retry makes one petition. */
  async function send(): Promise<void> {
    if (status.value === 'submitting') return;
    formError.value = '';
    if (!showMessages(messagesForSteps(draft, [0, 1, 2], currentLanguage.value))) {
      const first = Object.keys(errors)[0];
      if (first) draft.step = stepOfField(first);
      status.value = 'idle';
      return;
    }
    status.value = 'submitting';
    attempts.value += 1;
    try {
      const receipt = await api.kiosk.submit.mutate(toSubmission(draft));
      lastReceipt.value = receipt;
      resetDraft();
      status.value = 'idle';
      await router.replace({ name: 'receipt' });
    } catch (error) {
      const described = describeApiError(error, currentLanguage.value);
      if (described.kind === 'network') {
        status.value = 'waitingForNetwork';
        scheduleRetry();
        return;
      }
      status.value = 'idle';
      // the server names fields by path ('idNumber', 'representatives.0.name', 'photos.1.dataBase64')
      const messages: Record<string, string> = {};
      for (const [path, message] of Object.entries(described.fieldMessages)) {
        const key = path.startsWith('photos') ? 'photos' : path;
        messages[key] ??= message;
      }
      if (Object.keys(messages).length > 0) {
        showMessages(messages);
        draft.step = stepOfField(Object.keys(messages)[0]!);
      }
      formError.value = described.message;
    }
  }

  watch(
    () => draft.streetCode,
    (code, previous) => {
      if (previous !== undefined && code !== previous) draft.communityCode = '';
    },
  );

  return { errors, formError, status, places, selectedStreet, checkField, next, back, goTo, send };
}
