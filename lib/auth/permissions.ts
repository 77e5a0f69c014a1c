// Who may do what. Every Server Action and route handler names one of these permissions and checks it
// through lib/auth/guard.ts; hiding a button is never the check.
export const ROLES = ['ADMIN', 'REVIEWER', 'VIEWER'] as const;
export type Role = (typeof ROLES)[number];

const READ: Role[] = ['VIEWER', 'REVIEWER', 'ADMIN'];
const REVIEW: Role[] = ['REVIEWER', 'ADMIN'];
const ADMIN: Role[] = ['ADMIN'];

export const PERMISSIONS = {
  'document.read': READ,
  'document.export': READ,
  'document.import': REVIEW,
  'assessment.record': REVIEW,
  'comment.add': REVIEW,
  'citation.add': REVIEW,
  'claim.edit': REVIEW,
  'claim.adjudicate': ADMIN,
  'document.manage': ADMIN,
  'user.manage': ADMIN,
} as const satisfies Record<string, Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

export const ROLE_LABEL: Record<Role, string> = { ADMIN: 'Admin', REVIEWER: 'Reviewer', VIEWER: 'Viewer' };
