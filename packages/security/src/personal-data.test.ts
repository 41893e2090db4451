import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maskIdNumber, maskMobile } from './masking.ts';
import { decryptPersonalData, encryptPersonalData, generateKeyMaterial, hashPersonalData, keyIdOf, parseKeys } from './personal-data.ts';

function makeKeys() {
  const material = generateKeyMaterial();
  return parseKeys(`${material.id}:${material.key}`, material.hashKey);
}

describe('personal data encryption', () => {
  it('round-trips any text and never stores it in the clear', () => {
    const keys = makeKeys();
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), (text) => {
        const sealed = encryptPersonalData(keys, text);
        expect(decryptPersonalData(keys, sealed)).toBe(text);
        if (text.length > 3) expect(sealed.includes(text)).toBe(false);
      }),
    );
  });

  it('reads old values after a rotation and writes with the new key', () => {
    const oldKeys = makeKeys();
    const sealedOld = encryptPersonalData(oldKeys, '13800138000');
    const newMaterial = generateKeyMaterial();
    const rotated = { ...oldKeys, current: { id: `${newMaterial.id}n`, key: Buffer.from(newMaterial.key, 'base64') }, previous: [oldKeys.current] };
    expect(decryptPersonalData(rotated, sealedOld)).toBe('13800138000');
    const sealedNew = encryptPersonalData(rotated, '13800138000');
    expect(keyIdOf(sealedNew)).toBe(rotated.current.id);
    expect(() => decryptPersonalData(oldKeys, sealedNew)).toThrow(/Unknown personal-data key/);
  });

  it('detects a tampered ciphertext', () => {
    const keys = makeKeys();
    const sealed = encryptPersonalData(keys, 'secret');
    const parts = sealed.split('.');
    parts[3] = Buffer.from('other!').toString('base64url');
    expect(() => decryptPersonalData(keys, parts.join('.'))).toThrow();
  });

  it('hashes equal values equally and separates purposes', () => {
    const keys = makeKeys();
    expect(hashPersonalData(keys, '13800138000', 'mobile')).toBe(hashPersonalData(keys, '13800138000', 'mobile'));
    expect(hashPersonalData(keys, '13800138000', 'mobile')).not.toBe(hashPersonalData(keys, '13800138000', 'idNumber'));
  });

  it.each([
    ['11010519491231002X', '110105********002X'],
    ['440524188001010014', '440524********0014'],
  ])('masks ID %s as %s', (id, masked) => expect(maskIdNumber(id)).toBe(masked));

  it('masks mobiles', () => expect(maskMobile('13800138000')).toBe('138****8000'));
});
