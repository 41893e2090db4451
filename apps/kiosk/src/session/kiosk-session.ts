import { computed, ref } from 'vue';
import { setLocale } from '../i18n.ts';

/** What the visitor changed about the screen; reset for the next visitor. */
export const highContrast = ref(false);

/** True on the hall's touch screens (both sides at least 1000 px); false on phones, which have their own keyboards. */
export const kioskMode = ref(typeof window !== 'undefined' && window.matchMedia('(min-width: 1000px) and (min-height: 1000px)').matches);

/** The on-screen keypad replaces the system keyboard only in kiosk mode. */
export const useOnScreenKeypad = computed(() => kioskMode.value);

type Wipe = () => void;
const wipes = new Set<Wipe>();

/** Registers something to forget when the visitor leaves (idle reset or "finish"). Returns the unregister function. */
export function onVisitorLeaves(wipe: Wipe): () => void {
  wipes.add(wipe);
  return () => wipes.delete(wipe);
}

/** Forgets everything entered: drafts, receipts, lookups, and the visitor's screen choices (language, contrast). */
export function wipeVisitorData(): void {
  for (const wipe of wipes) wipe();
  highContrast.value = false;
  setLocale('zh-CN');
  try {
    sessionStorage.clear();
  } catch {
    // storage may be unavailable; nothing was kept there then
  }
}
