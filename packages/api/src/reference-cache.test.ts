import { describe, expect, it } from 'vitest';
import { cachedReference, forgetReference } from './reference-cache.ts';

describe('reference cache', () => {
  it('loads once per database and key until the entry expires or is forgotten', async () => {
    const db = {};
    const other = {};
    let loads = 0;
    const load = () => Promise.resolve(++loads);
    expect(await Promise.all([cachedReference(db, 'hall', load), cachedReference(db, 'hall', load)])).toEqual([1, 1]);
    expect(await cachedReference(other, 'hall', load)).toBe(2);
    expect(await cachedReference(db, 'calendar', load)).toBe(3);
    forgetReference(db, 'hall');
    expect(await cachedReference(db, 'hall', load)).toBe(4);
    expect(await cachedReference(db, 'calendar', load)).toBe(3);
    expect(await cachedReference(db, 'expiring', load, 0)).toBe(5);
    expect(await cachedReference(db, 'expiring', load, 0)).toBe(6);
    forgetReference(db);
    expect(await cachedReference(db, 'calendar', load)).toBe(7);
  });

  it('does not remember a failed load', async () => {
    const db = {};
    let attempts = 0;
    const load = () => (++attempts === 1 ? Promise.reject(new Error('database unavailable')) : Promise.resolve('hall'));
    await expect(cachedReference(db, 'hall', load)).rejects.toThrow('database unavailable');
    expect(await cachedReference(db, 'hall', load)).toBe('hall');
    expect(attempts).toBe(2);
  });
});
