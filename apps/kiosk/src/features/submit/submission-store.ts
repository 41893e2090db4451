import type { KioskReceipt } from '@xinfang/domain/kiosk';
import { ref } from 'vue';

/** The last receipt, for the receipt screen; cleared when the visitor leaves it. */
export const lastReceipt = ref<KioskReceipt | null>(null);

/** A v4 UUID from the browser's cryptographic generator (randomUUID needs a secure context; kiosks may be on plain http). */
export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
