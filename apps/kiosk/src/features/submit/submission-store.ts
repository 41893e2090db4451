import type { KioskCategory, KioskReceipt, KioskSubmission } from '@xinfang/domain/kiosk';
import { reactive, ref, watch } from 'vue';
import { onVisitorLeaves } from '../../session/kiosk-session.ts';

/** The last receipt, for the receipt screen; cleared when the visitor leaves. */
export const lastReceipt = ref<KioskReceipt | null>(null);

/** A v4 UUID from the browser's cryptographic generator (randomUUID needs a secure context; kiosks may be on plain http). */
export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export interface DraftPhoto {
  contentType: 'image/jpeg' | 'image/png' | 'image/webp';
  dataBase64: string;
  sizeBytes: number;
}

/** What the visitor has typed so far, as the screens hold it (strings for inputs). */
export interface Draft {
  idempotencyKey: string;
  step: number;
  petitionerKind: 'person' | 'organisation';
  name: string;
  idNumber: string;
  mobile: string;
  address: string;
  organisationName: string;
  creditCode: string;
  collective: boolean;
  headcount: string;
  representatives: { name: string; mobile: string }[];
  category: KioskCategory | '';
  streetCode: string;
  communityCode: string;
  about: string;
  request: string;
  content: string;
  photos: DraftPhoto[];
  consent: boolean;
}

const storageKey = 'xinfang.kiosk.draft';

export function emptyDraft(): Draft {
  return {
    idempotencyKey: newIdempotencyKey(),
    step: 0,
    petitionerKind: 'person',
    name: '',
    idNumber: '',
    mobile: '',
    address: '',
    organisationName: '',
    creditCode: '',
    collective: false,
    headcount: '',
    representatives: [],
    category: '',
    streetCode: '',
    communityCode: '',
    about: '',
    request: '',
    content: '',
    photos: [],
    consent: false,
  };
}

function restoredDraft(): Draft {
  try {
    const stored = sessionStorage.getItem(storageKey);
    if (stored) return { ...emptyDraft(), ...(JSON.parse(stored) as Partial<Draft>) };
  } catch {
    // unreadable: start afresh
  }
  return emptyDraft();
}

/** The draft of the matter being written; kept in sessionStorage so a reload or a network drop loses nothing. */
export const draft = reactive<Draft>(restoredDraft());

/** True when the visitor has entered nothing: such a draft is not stored. */
export function isBlankDraft(value: Draft): boolean {
  const { idempotencyKey: _key, step, petitionerKind, collective, consent, ...fields } = value;
  return step === 0 && petitionerKind === 'person' && !collective && !consent && Object.values(fields).every((field) => (Array.isArray(field) ? field.length === 0 : field === ''));
}

watch(
  draft,
  (value) => {
    try {
      if (isBlankDraft(value)) sessionStorage.removeItem(storageKey);
      else sessionStorage.setItem(storageKey, JSON.stringify(value));
    } catch {
      // storage full (large photos) or unavailable: the draft stays in memory
    }
  },
  { deep: true },
);

/** Starts a new matter: a fresh draft with a new idempotency key. */
export function resetDraft(): void {
  Object.assign(draft, emptyDraft());
  try {
    sessionStorage.removeItem(storageKey);
  } catch {
    // nothing kept
  }
}

onVisitorLeaves(() => {
  resetDraft();
  lastReceipt.value = null;
});

/** The API input for a draft; `consent` may be forced to check the other steps before the visitor reaches it. */
export function toSubmission(value: Draft, consent = value.consent): KioskSubmission {
  const organisation = value.petitionerKind === 'organisation';
  return {
    idempotencyKey: value.idempotencyKey,
    petitionerKind: value.petitionerKind,
    name: value.name,
    idNumber: value.idNumber,
    mobile: value.mobile,
    address: value.address,
    organisationName: organisation ? value.organisationName : '',
    creditCode: organisation ? value.creditCode : '',
    collective: value.collective,
    headcount: value.collective ? Number(value.headcount || '0') : 1,
    representatives: value.collective
      ? value.representatives.map((representative) => (representative.mobile ? { name: representative.name, mobile: representative.mobile } : { name: representative.name }))
      : [],
    ...(value.category ? { category: value.category } : {}),
    ...(value.streetCode ? { streetCode: value.streetCode } : {}),
    ...(value.communityCode ? { communityCode: value.communityCode } : {}),
    about: value.about,
    request: value.request,
    content: value.content,
    photos: value.photos.map((photo) => ({ contentType: photo.contentType, dataBase64: photo.dataBase64 })),
    consent: consent as true,
  };
}
