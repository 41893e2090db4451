import { randomUUID } from 'node:crypto';
import { TRPCError } from '@trpc/server';
import { seedDemoData } from '@xinfang/db/seed';
import { createTestKeys, useTestDatabase } from '@xinfang/db/testing';
import { isDomainError } from '@xinfang/domain/errors';
import { decodeBase64, encodeBase64, type KioskSubmission } from '@xinfang/domain/kiosk';
import { hashPassword } from '@xinfang/security/password';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, submitAtStreetKiosk } from '../../testing/test-context.ts';

const test = useTestDatabase();
const keys = createTestKeys();
const nanyuan = '440304001000';
const yuanling = '440304002000';

type Caller = ReturnType<typeof createTestContext>['caller'];

const jpeg = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, ...Array.from({ length: 600 }, (_, index) => (index * 7) % 256)]);
const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...Array.from({ length: 300 }, (_, index) => index % 256)]);

async function signedIn(username: string, password: string): Promise<Caller> {
  const { caller } = createTestContext(test.db, keys);
  await caller.auth.signIn({ username, password });
  return caller;
}

async function refusal(promise: Promise<unknown>): Promise<{ code: string; messageCode: string | undefined }> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(TRPCError);
  const trpc = error as TRPCError;
  return { code: trpc.code, messageCode: isDomainError(trpc.cause) ? trpc.cause.code : undefined };
}

/** A visitor's submission at the street's own hall kiosk, with photos: the real path photos take into the database. */
function submittedAt(streetCode: string, photos: KioskSubmission['photos'] = []): Promise<string> {
  return submitAtStreetKiosk(test.db, keys, streetCode, { content: '【演示数据】路面塌陷，附现场照片。', photos });
}

let withPhotos: string;
let withoutPhotos: string;
let elsewhere: string;
let streetOfficer: Caller;
let handler: Caller;

beforeAll(async () => {
  await seedDemoData(test.db, { now: new Date(), keys, hashPassword, petitions: 3 });
  withPhotos = await submittedAt(nanyuan, [
    { contentType: 'image/jpeg', dataBase64: encodeBase64(jpeg) },
    { contentType: 'image/png', dataBase64: encodeBase64(png) },
  ]);
  withoutPhotos = await submittedAt(nanyuan);
  elsewhere = await submittedAt(yuanling, [{ contentType: 'image/jpeg', dataBase64: encodeBase64(jpeg) }]);
  streetOfficer = await signedIn('street-officer', 'Demo-street-2026');
  handler = await signedIn('handler', 'Demo-handler-2026');
}, 60_000);

describe('attachments.list', () => {
  it('lists a petition’s photos in the order attached, without their bytes', async () => {
    const list = await streetOfficer.attachments.list({ petitionId: withPhotos });
    expect(list.map(({ position, contentType, sizeBytes }) => ({ position, contentType, sizeBytes }))).toEqual([
      { position: 0, contentType: 'image/jpeg', sizeBytes: jpeg.byteLength },
      { position: 1, contentType: 'image/png', sizeBytes: png.byteLength },
    ]);
    expect(list.every((item) => !('base64' in item) && !('data' in item))).toBe(true);
  });

  it('is empty for a petition without photos', async () => {
    expect(await streetOfficer.attachments.list({ petitionId: withoutPhotos })).toEqual([]);
  });

  it.each([
    ['a street officer, another street’s petition', () => streetOfficer, () => elsewhere],
    ['a department handler, a petition not routed to the department', () => handler, () => withPhotos],
  ])('refuses %s', async (_case, reader, petition) => {
    expect(await refusal(reader().attachments.list({ petitionId: petition() }))).toEqual({ code: 'FORBIDDEN', messageCode: 'access.outsideJurisdiction' });
  });

  it('answers not found for an unknown petition', async () => {
    expect(await refusal(streetOfficer.attachments.list({ petitionId: randomUUID() }))).toEqual({ code: 'NOT_FOUND', messageCode: 'petition.notFound' });
  });
});

describe('attachments.image', () => {
  it('returns each photo’s exact bytes and type', async () => {
    const list = await streetOfficer.attachments.list({ petitionId: withPhotos });
    const images = await Promise.all(list.map((item) => streetOfficer.attachments.image({ petitionId: withPhotos, id: item.id })));
    expect(images.map((image) => image.contentType)).toEqual(['image/jpeg', 'image/png']);
    expect(images.map((image) => [...decodeBase64(image.base64)])).toEqual([[...jpeg], [...png]]);
  });

  it('refuses a photo of a petition outside the reader’s jurisdiction', async () => {
    const staff = await signedIn('reception', 'Demo-reception-2026');
    const [photo] = await staff.attachments.list({ petitionId: elsewhere });
    expect(await refusal(streetOfficer.attachments.image({ petitionId: elsewhere, id: photo!.id }))).toEqual({ code: 'FORBIDDEN', messageCode: 'access.outsideJurisdiction' });
    expect(await refusal(handler.attachments.image({ petitionId: elsewhere, id: photo!.id }))).toEqual({ code: 'FORBIDDEN', messageCode: 'access.outsideJurisdiction' });
  });

  it('does not serve another petition’s photo through a petition the reader may view', async () => {
    const staff = await signedIn('reception', 'Demo-reception-2026');
    const [photo] = await staff.attachments.list({ petitionId: elsewhere });
    expect(await refusal(streetOfficer.attachments.image({ petitionId: withPhotos, id: photo!.id }))).toEqual({ code: 'NOT_FOUND', messageCode: 'attachment.notFound' });
  });
});
