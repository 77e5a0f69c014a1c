import { describe, expect, it } from 'vitest';
import { can, PERMISSIONS, ROLES } from '@/lib/auth/permissions';

describe('permissions', () => {
  it('gives viewers read and export only', () => {
    const allowed = Object.keys(PERMISSIONS).filter((p) => can('VIEWER', p as keyof typeof PERMISSIONS));
    expect(allowed.sort()).toEqual(['document.export', 'document.read']);
  });

  it('gives reviewers everything but administration', () => {
    expect(can('REVIEWER', 'assessment.record')).toBe(true);
    expect(can('REVIEWER', 'document.import')).toBe(true);
    expect(can('REVIEWER', 'user.manage')).toBe(false);
    expect(can('REVIEWER', 'claim.adjudicate')).toBe(false);
  });

  it('gives admins everything', () => {
    for (const permission of Object.keys(PERMISSIONS)) {
      expect(can('ADMIN', permission as keyof typeof PERMISSIONS)).toBe(true);
    }
    expect(ROLES).toEqual(['ADMIN', 'REVIEWER', 'VIEWER']);
  });
});
