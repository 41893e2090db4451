import { maxKioskPhotoBytes } from '@xinfang/domain/kiosk';
import type { DraftPhoto } from './submission-store.ts';

function blobToBase64(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve((typeof reader.result === 'string' ? reader.result : '').replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(blob);
  });
}

function loadImage(file: Blob): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const url = URL.createObjectURL(file);
    const image = new Image();
    image.onload = () => {
      URL.revokeObjectURL(url);
      resolve(image);
    };
    image.onerror = () => {
      URL.revokeObjectURL(url);
      reject(new Error('not an image'));
    };
    image.src = url;
  });
}

/**
 * Turns a camera photo or an image file into a JPEG small enough for the server's limit: the long side at most
 * 1600 px, lowering the size and quality until it fits. Throws 'kiosk.photo.notImage' or 'kiosk.photo.tooLarge'.
 */
export async function shrinkPhoto(file: File): Promise<DraftPhoto> {
  if (!file.type.startsWith('image/')) throw new Error('kiosk.photo.notImage');
  let image: HTMLImageElement;
  try {
    image = await loadImage(file);
  } catch {
    throw new Error('kiosk.photo.notImage');
  }
  const canvas = document.createElement('canvas');
  const context = canvas.getContext('2d');
  if (!context) throw new Error('kiosk.photo.notImage');
  for (const [longSide, quality] of [
    [1600, 0.8],
    [1280, 0.7],
    [1024, 0.6],
    [800, 0.5],
  ] as const) {
    const scale = Math.min(1, longSide / Math.max(image.naturalWidth, image.naturalHeight));
    canvas.width = Math.max(1, Math.round(image.naturalWidth * scale));
    canvas.height = Math.max(1, Math.round(image.naturalHeight * scale));
    context.fillStyle = '#fff';
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', quality));
    if (blob && blob.size <= maxKioskPhotoBytes) return { contentType: 'image/jpeg', dataBase64: await blobToBase64(blob), sizeBytes: blob.size };
  }
  throw new Error('kiosk.photo.tooLarge');
}
