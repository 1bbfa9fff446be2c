import { describe, expect, it } from 'vitest';
import { AppError } from '../core/errors.js';
import type { Role } from '../../shared/roles.js';
import { allowedActions, authorize, authorizeType, can, regionScope, RULES, type Actor } from './index.js';

const actor = (role: Role, over: Partial<Actor> = {}): Actor => ({
  id: 1,
  username: role,
  displayName: role,
  role,
  regionId: null,
  unitId: null,
  ...over,
});

/** The code authorize throws, or 'ok'. */
function outcome(fn: () => void): string {
  try {
    fn();
    return 'ok';
  } catch (err) {
    expect(err).toBeInstanceOf(AppError);
    return (err as AppError).code;
  }
}

const unitA = { id: 10, regionId: 100 };
const officerA = actor('district_officer', { id: 2, regionId: 100 });
const officerB = actor('district_officer', { id: 3, regionId: 200 });
const unitUserA = actor('unit', { id: 4, regionId: 100, unitId: 10 });
const unitUserB = actor('unit', { id: 5, regionId: 200, unitId: 20 });
const sys = actor('sys_admin', { id: 6 });
const sec = actor('sec_admin', { id: 7 });
const aud = actor('audit_admin', { id: 8 });
const expertAccount = { id: 50, role: 'expert' as const, regionId: null, unitId: null };

describe('can', () => {
  it('is false for anonymous visitors on every rule', () => {
    for (const r of RULES) expect(can(null, r.resource, r.action, {} as never)).toBe(false);
  });

  it('applies the region and unit conditions', () => {
    expect(can(officerA, 'unit', 'view', unitA)).toBe(true);
    expect(can(officerB, 'unit', 'view', unitA)).toBe(false);
    expect(can(actor('district_officer', { regionId: null }), 'unit', 'view', unitA)).toBe(false);
    expect(can(unitUserA, 'unit', 'view', unitA)).toBe(true);
    expect(can(unitUserB, 'unit', 'view', unitA)).toBe(false);
    expect(can(actor('municipal_officer'), 'unit', 'view', unitA)).toBe(true);
    expect(can(sys, 'unit', 'view', unitA)).toBe(false);
  });

  it('keeps operators apart (三员分立) and nobody acts on their own role', () => {
    expect(can(sys, 'account', 'create', expertAccount)).toBe(true);
    expect(can(sec, 'account', 'create', expertAccount)).toBe(false);
    expect(can(aud, 'account', 'create', expertAccount)).toBe(false);
    expect(can(sec, 'account', 'change_role', expertAccount)).toBe(true);
    expect(can(sys, 'account', 'change_role', expertAccount)).toBe(false);
    expect(can(sec, 'account', 'change_role', { ...expertAccount, id: sec.id, role: 'sec_admin' })).toBe(
      false,
    );
    expect(can(sec, 'account', 'change_role', { ...expertAccount, role: 'unit' })).toBe(false);
    expect(can(sec, 'account', 'change_role', { ...expertAccount, role: 'individual' })).toBe(false);
    expect(can(sys, 'account', 'disable', { ...expertAccount, id: sys.id })).toBe(false);
    expect(can(sys, 'account', 'reset_password', { ...expertAccount, id: sys.id })).toBe(false);
  });
});

describe('authorize: 401, 404 or 403', () => {
  it('says 401 to anonymous callers', () => {
    expect(outcome(() => authorize(null, 'unit', 'view', unitA))).toBe('UNAUTHENTICATED');
    expect(outcome(() => authorize(null, 'account', 'disable', expertAccount))).toBe('UNAUTHENTICATED');
  });

  it('says 404 to whoever may not even view the resource', () => {
    expect(outcome(() => authorize(officerB, 'unit', 'view', unitA))).toBe('NOT_FOUND');
    expect(outcome(() => authorize(unitUserB, 'unit', 'view', unitA))).toBe('NOT_FOUND');
    expect(outcome(() => authorize(unitUserB, 'unit', 'update', unitA))).toBe('NOT_FOUND');
    expect(outcome(() => authorize(aud, 'account', 'disable', expertAccount))).toBe('NOT_FOUND');
    expect(outcome(() => authorize(officerA, 'account', 'view', expertAccount))).toBe('NOT_FOUND');
  });

  it('says 403 to whoever may view it but not do this', () => {
    expect(outcome(() => authorize(officerA, 'unit', 'update', unitA))).toBe('FORBIDDEN');
    expect(outcome(() => authorize(sec, 'account', 'disable', expertAccount))).toBe('FORBIDDEN');
    expect(outcome(() => authorize(sys, 'account', 'change_role', expertAccount))).toBe('FORBIDDEN');
    expect(outcome(() => authorize(sys, 'account', 'disable', { ...expertAccount, id: sys.id }))).toBe(
      'FORBIDDEN',
    );
    const self = { id: aud.id, role: 'audit_admin' as const, regionId: null, unitId: null };
    expect(outcome(() => authorize(aud, 'account', 'change_role', self))).toBe('FORBIDDEN');
  });

  it('passes when allowed', () => {
    expect(outcome(() => authorize(officerA, 'unit', 'view', unitA))).toBe('ok');
    expect(outcome(() => authorize(unitUserA, 'unit', 'update', unitA))).toBe('ok');
    expect(outcome(() => authorize(sys, 'account', 'disable', expertAccount))).toBe('ok');
    expect(outcome(() => authorize(sec, 'account', 'unlock', expertAccount))).toBe('ok');
  });

  it('authorizeType: 401 anonymous, 403 other roles, conditional rules do not count', () => {
    expect(outcome(() => authorizeType(null, 'audit', 'read'))).toBe('UNAUTHENTICATED');
    expect(outcome(() => authorizeType(aud, 'audit', 'read'))).toBe('ok');
    expect(outcome(() => authorizeType(sys, 'audit', 'read'))).toBe('FORBIDDEN');
    expect(outcome(() => authorizeType(sec, 'audit', 'verify'))).toBe('FORBIDDEN');
    expect(outcome(() => authorizeType(sys, 'security_settings', 'read'))).toBe('ok');
    expect(outcome(() => authorizeType(sys, 'security_settings', 'update'))).toBe('FORBIDDEN');
    expect(outcome(() => authorizeType(sec, 'security_settings', 'update'))).toBe('ok');
    // The unit account's `view` rule is conditional, so it gives no type-level right.
    expect(outcome(() => authorizeType(unitUserA, 'unit', 'view'))).toBe('FORBIDDEN');
    expect(outcome(() => authorizeType(unitUserA, 'unit', 'list'))).toBe('FORBIDDEN');
    expect(outcome(() => authorizeType(officerA, 'unit', 'list'))).toBe('ok');
  });
});

describe('allowedActions', () => {
  it('lists what the viewer may do with this account', () => {
    const acts = allowedActions(sys, 'account', expertAccount);
    expect(acts).toEqual(expect.arrayContaining(['view', 'reset_password', 'disable', 'enable']));
    expect(acts).not.toContain('change_role');
    expect(acts).not.toContain('unlock');
    const self = allowedActions(sys, 'account', { ...expertAccount, id: sys.id, role: 'sys_admin' });
    expect(self).toContain('view');
    expect(self).not.toContain('disable');
    expect(self).not.toContain('reset_password');
    expect(allowedActions(sec, 'account', expertAccount)).toEqual(
      expect.arrayContaining(['view', 'change_role', 'unlock']),
    );
    expect(allowedActions(sec, 'account', expertAccount)).not.toContain('disable');
  });

  it('is empty for anonymous visitors and outsiders', () => {
    expect(allowedActions(null, 'account', expertAccount)).toEqual([]);
    expect(allowedActions(null, 'unit', unitA)).toEqual([]);
    expect(allowedActions(unitUserB, 'unit', unitA)).toEqual([]);
    expect(allowedActions(officerB, 'unit', unitA)).not.toContain('view');
  });

  it('gives a unit account view and update of its own unit', () => {
    expect(allowedActions(unitUserA, 'unit', unitA).sort()).toEqual(['update', 'view']);
  });
});

describe('regionScope', () => {
  it('scopes list queries by role', () => {
    expect(regionScope(null)).toBe('none');
    expect(regionScope(actor('municipal_officer'))).toBeNull();
    expect(regionScope(officerA)).toBe(100);
    expect(regionScope(actor('district_officer', { regionId: null }))).toBe('none');
    expect(regionScope(unitUserA)).toBe('none');
    expect(regionScope(sys)).toBe('none');
  });
});
