import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AuditPage, AuditQuery, AuditVerification, ChangePasswordInput, CreateStaffInput, isPasswordAcceptable, NewPassword, ResetPasswordInput, SessionStatus, SetStaffDisabledInput, StaffAccount, StaffIdInput, Username } from './accounts.ts';

const staffId = '00000000-0000-4000-8000-0000000000a1';

describe('isPasswordAcceptable', () => {
  it.each([
    ['Harbour-lantern-2026', 'reception', true, 'the documented example'],
    ['Abcdefghij12', 'reception', true, 'exactly 12 characters'],
    ['Abcdefghij1', 'reception', false, '11 characters'],
    [`Aa1${'x'.repeat(125)}`, 'reception', true, 'exactly 128 characters'],
    [`Aa1${'x'.repeat(126)}`, 'reception', false, '129 characters'],
    ['harbour-lantern-2026', 'reception', false, 'no upper-case letter'],
    ['HARBOUR-LANTERN-2026', 'reception', false, 'no lower-case letter'],
    ['Harbour-lantern-town', 'reception', false, 'no digit'],
    ['Harbour lantern 2026', 'reception', true, 'a passphrase with spaces, no special character needed'],
    ['港湾灯笼Harbour2026', 'reception', true, 'Chinese characters alongside the required classes'],
    ['港湾灯笼港湾灯笼港湾灯笼2026', 'reception', false, 'Chinese characters do not count as upper or lower case'],
    ['Demo-reception-2026', 'reception', false, 'contains the username'],
    ['Demo-RECEPTION-2026', 'reception', false, 'contains the username in another case'],
    ['Demo-reception-2026', '  Reception ', false, 'the username is compared trimmed and case-folded'],
    ['Demo-admin-2026-long', 'admin', false, 'contains a short username'],
    ['Demo-handler-2026', 'handler', false, 'a demo password containing its username'],
    ['Mx-tower-2026-ab', 'ab', true, 'a username under 3 characters is not looked for'],
    ['Street-officer-26', 'street-officer', false, 'contains a username with a hyphen'],
  ])('%s for %j → %s (%s)', (password, username, expected) => {
    expect(isPasswordAcceptable(password, username)).toBe(expected);
  });

  const acceptable = fc
    .tuple(fc.stringMatching(/^[A-Za-z0-9 -]{9,60}$/), fc.constantFrom('A', 'Q', 'Z'), fc.constantFrom('a', 'q', 'z'), fc.constantFrom('0', '5', '9'))
    .map(([body, upper, lower, digit]) => `${upper}${body}${lower}${digit}`);

  it('accepts exactly the 12–128 character passwords with an upper-case letter, a lower-case letter and a digit', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 140 }), (password) => {
        const shaped = password.length >= 12 && password.length <= 128 && /[A-Z]/.test(password) && /[a-z]/.test(password) && /\d/.test(password);
        // a 2-character username is never looked for, so only the shape decides
        expect(isPasswordAcceptable(password, 'zz')).toBe(shaped);
      }),
    );
  });

  it('refuses any password that contains the username (3 or more characters), wherever and in whatever case', () => {
    fc.assert(
      fc.property(acceptable, fc.stringMatching(/^[a-z][a-z0-9._-]{2,10}$/), fc.nat(), fc.boolean(), (password, username, at, upper) => {
        const position = at % (password.length + 1);
        const inserted = upper ? username.toUpperCase() : username;
        const withName = `${password.slice(0, position)}${inserted}${password.slice(position)}`;
        fc.pre(withName.length <= 128);
        expect(isPasswordAcceptable(withName, username)).toBe(false);
      }),
    );
  });

  it('accepts a password of the right shape that does not contain the username', () => {
    fc.assert(
      fc.property(acceptable, (password) => {
        expect(isPasswordAcceptable(password, 'reception')).toBe(!password.toLowerCase().includes('reception'));
      }),
    );
  });
});

describe('NewPassword', () => {
  it.each([
    ['x'.repeat(11), false],
    ['x'.repeat(12), true],
    ['x'.repeat(128), true],
    ['x'.repeat(129), false],
  ])('checks only the length of %s (the rest needs the username)', (password, ok) => {
    const result = NewPassword.safeParse(password);
    expect(result.success).toBe(ok);
    if (!ok) expect(result.error?.issues[0]?.message).toBe('auth.passwordPolicy');
  });
});

describe('Username', () => {
  it.each([
    ['reception', 'reception'],
    ['  admin  ', 'admin'],
    ['street-officer', 'street-officer'],
    ['a.b_c-d', 'a.b_c-d'],
    ['abc', 'abc'],
    [`a${'b'.repeat(31)}`, `a${'b'.repeat(31)}`],
  ])('accepts %j as %j', (input, expected) => {
    expect(Username.parse(input)).toBe(expected);
  });

  it.each(['ab', 'Admin', '1admin', '-admin', 'ad min', '接访员', `a${'b'.repeat(32)}`, 'admin@bureau'])('refuses %j', (input) => {
    expect(Username.safeParse(input).error?.issues[0]?.message).toBe('validation.invalid');
  });
});

describe('CreateStaffInput', () => {
  const valid = { username: 'handler2', displayName: '承办人（演示）', role: 'departmentHandler', unitCode: '440304D01', temporaryPassword: 'Temporary-pass-2026' };

  it.each(['440304', '440304001000', '440304D01'])('accepts the unit code %s', (unitCode) => {
    expect(CreateStaffInput.parse({ ...valid, unitCode })).toEqual({ ...valid, unitCode });
  });

  it.each([
    ['a 7-digit unit code', { unitCode: '4403041' }, 'unitCode'],
    ['a one-digit department number', { unitCode: '440304D1' }, 'unitCode'],
    ['a lower-case department marker', { unitCode: '440304d01' }, 'unitCode'],
    ['an unknown role', { role: 'janitor' }, 'role'],
    ['the petitioner pseudo-role', { role: 'petitioner' }, 'role'],
    ['a blank display name', { displayName: '  ' }, 'displayName'],
    ['a display name of 51 characters', { displayName: '名'.repeat(51) }, 'displayName'],
    ['a short temporary password', { temporaryPassword: 'Short-1' }, 'temporaryPassword'],
    ['an upper-case username', { username: 'Handler2' }, 'username'],
  ])('refuses %s', (_, change, field) => {
    const result = CreateStaffInput.safeParse({ ...valid, ...change });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path[0])).toEqual([field]);
  });
});

describe('account inputs', () => {
  it('ChangePasswordInput needs the current password and a long enough new one', () => {
    expect(ChangePasswordInput.parse({ currentPassword: 'x', newPassword: 'Harbour-lantern-2026' })).toEqual({ currentPassword: 'x', newPassword: 'Harbour-lantern-2026' });
    expect(ChangePasswordInput.safeParse({ currentPassword: '', newPassword: 'Harbour-lantern-2026' }).error?.issues[0]?.message).toBe('validation.required');
    expect(ChangePasswordInput.safeParse({ currentPassword: 'x'.repeat(257), newPassword: 'Harbour-lantern-2026' }).error?.issues[0]?.message).toBe('validation.text.tooLong');
    expect(ChangePasswordInput.safeParse({ currentPassword: 'x', newPassword: 'short' }).error?.issues[0]?.message).toBe('auth.passwordPolicy');
  });

  it.each([
    [StaffIdInput, { staffId }, true],
    [StaffIdInput, { staffId: 'reception' }, false],
    [SetStaffDisabledInput, { staffId, disabled: true }, true],
    [SetStaffDisabledInput, { staffId, disabled: 'yes' }, false],
    [ResetPasswordInput, { staffId, temporaryPassword: 'Temporary-pass-2026' }, true],
    [ResetPasswordInput, { staffId, temporaryPassword: 'Temp-2026' }, false],
  ])('staff-id inputs: %#', (schema, input, ok) => {
    expect(schema.safeParse(input).success).toBe(ok);
  });

  it('SessionStatus carries a signed-in actor or null', () => {
    const actor = { staffId, username: 'reception', displayName: '接访员（演示）', role: 'receptionOfficer', unitId: '00000000-0000-4000-8000-000000000091' };
    expect(SessionStatus.parse({ actor: null, mustChangePassword: false, awaitingConfirmation: false })).toEqual({ actor: null, mustChangePassword: false, awaitingConfirmation: false });
    expect(SessionStatus.parse({ actor, mustChangePassword: true, awaitingConfirmation: true }).actor?.role).toBe('receptionOfficer');
    expect(SessionStatus.safeParse({ mustChangePassword: false, awaitingConfirmation: false }).success).toBe(false);
    expect(SessionStatus.safeParse({ actor, mustChangePassword: false }).success).toBe(false);
  });

  it('StaffAccount never has room for the hash, and needs the lock state', () => {
    const account = { staffId, username: 'reception', displayName: '接访员（演示）', role: 'receptionOfficer', unitCode: '440304', unitNameZh: '福田区', disabled: false, mustChangePassword: false, awaitingConfirmation: false, lockedUntil: null };
    expect(StaffAccount.parse({ ...account, passwordHash: '$argon2id$…' })).toEqual(account);
    expect(StaffAccount.safeParse({ ...account, lockedUntil: undefined }).success).toBe(false);
  });
});

describe('AuditQuery', () => {
  it('defaults to 50 rows and keeps the narrowing given', () => {
    expect(AuditQuery.parse({})).toEqual({ limit: 50 });
    expect(AuditQuery.parse({ actionPrefix: ' auth.signIn ', actorId: staffId, targetId: 'x', beforeId: '123456789012345678', limit: 200 })).toEqual({
      actionPrefix: 'auth.signIn',
      actorId: staffId,
      targetId: 'x',
      beforeId: '123456789012345678',
      limit: 200,
    });
  });

  it.each([
    ['a prefix with SQL-ish characters', { actionPrefix: "auth'; --" }, 'validation.invalid'],
    ['a prefix of 65 characters', { actionPrefix: 'a'.repeat(65) }, 'validation.text.tooLong'],
    ['an actor that is not a UUID', { actorId: 'admin' }, 'validation.invalid'],
    ['a cursor that is not a number', { beforeId: '12a' }, 'validation.invalid'],
    ['a cursor of 19 digits', { beforeId: '1'.repeat(19) }, 'validation.invalid'],
    ['a limit over 200', { limit: 201 }, undefined],
    ['a zero limit', { limit: 0 }, undefined],
  ])('refuses %s', (_, input, message) => {
    const result = AuditQuery.safeParse(input);
    expect(result.success).toBe(false);
    if (message) expect(result.error?.issues[0]?.message).toBe(message);
  });
});

describe('audit outputs', () => {
  it('accepts a page of records and a verification report', () => {
    const record = { id: '17', occurredAt: '2026-11-25T02:00:00.000Z', actorId: staffId, actorName: '管理员', actorRole: 'administrator', action: 'auth.signIn', targetType: null, targetId: null, ip: '127.0.0.1', details: {} };
    expect(AuditPage.parse({ items: [record], nextBeforeId: '17' })).toEqual({ items: [record], nextBeforeId: '17' });
    expect(AuditPage.safeParse({ items: [{ ...record, details: null }], nextBeforeId: null }).success).toBe(false);
    const broken = { rowsChecked: 120, intact: false, firstBrokenRowId: '42', reason: 'hash mismatch' };
    expect(AuditVerification.parse(broken)).toEqual(broken);
    expect(AuditVerification.safeParse({ ...broken, rowsChecked: 1.5 }).success).toBe(false);
  });
});
