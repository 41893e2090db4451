import { onBeforeUnmount, onMounted, ref, type Ref } from 'vue';

export interface IdleTimings {
  warningSeconds: number;
  resetSeconds: number;
}

// touches, keys and typing; not 'scroll' (a page can scroll by itself, e.g. to show a focused field)
const activityEvents = ['pointerdown', 'touchstart', 'keydown', 'input', 'wheel'] as const;

/**
 * Watches for the visitor's touches and keys: after `warningSeconds` without any, `warning` turns true and
 * `secondsLeft` counts down to the reset; after `resetSeconds`, `onReset` runs. Any activity before the warning starts
 * over; once it shows, `stillHere` (its button) does.
 */
export function useIdleWatch(timings: Ref<IdleTimings | undefined>, onReset: () => void) {
  const warning = ref(false);
  const secondsLeft = ref(0);
  let lastActivity = Date.now();
  let timer: ReturnType<typeof setInterval> | undefined;

  function activity(): void {
    // once the warning shows, only its own button (or the overlay) says "still here": a stray touch must not hide it unseen
    if (!warning.value) lastActivity = Date.now();
  }

  function stillHere(): void {
    lastActivity = Date.now();
    warning.value = false;
  }

  function tick(): void {
    const settings = timings.value;
    if (!settings) return;
    const idleSeconds = (Date.now() - lastActivity) / 1000;
    if (idleSeconds >= settings.resetSeconds) {
      warning.value = false;
      lastActivity = Date.now();
      onReset();
    } else if (idleSeconds >= settings.warningSeconds) {
      warning.value = true;
      secondsLeft.value = Math.ceil(settings.resetSeconds - idleSeconds);
    }
  }

  onMounted(() => {
    for (const type of activityEvents) window.addEventListener(type, activity, { capture: true, passive: true });
    timer = setInterval(tick, 250);
  });
  onBeforeUnmount(() => {
    for (const type of activityEvents) window.removeEventListener(type, activity, { capture: true });
    if (timer) clearInterval(timer);
  });

  return { warning, secondsLeft, stillHere };
}
