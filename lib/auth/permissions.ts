// Who may do what. Every Server Action and route handler names one of these permissions and checks it
// through lib/auth/guard.ts; hiding a button is never the check. The instance permissions are checked against
// the user's instance role; every other one against their role in the project of the rows named
// (lib/projects/project-access.ts), where a lead counts as an admin, and a non-member is told "not found".
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
  'project.manage': ADMIN,
  'user.manage': ADMIN,
  'project.create': ADMIN,
} as const satisfies Record<string, Role[]>;

export type Permission = keyof typeof PERMISSIONS;

/** The permissions of instance administration, checked against the instance role alone. */
export const INSTANCE_PERMISSIONS: readonly Permission[] = ['user.manage', 'project.create'];
export type InstancePermission = 'user.manage' | 'project.create';

export function can(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

export const ROLE_LABEL: Record<Role, string> = { ADMIN: 'Admin', REVIEWER: 'Reviewer', VIEWER: 'Viewer' };

/** What each permission lets a person do, worded to end "Your role does not allow …". */
export const PERMISSION_ACTIVITY: Record<Permission, string> = {
  'document.read': 'reading documents',
  'document.export': 'exporting reviews',
  'document.import': 'importing documents',
  'assessment.record': 'assessing claims',
  'comment.add': 'commenting on claims',
  'citation.add': 'citing sources',
  'claim.edit': 'editing claims',
  'claim.adjudicate': 'adjudicating conflicts',
  'document.manage': 'managing documents',
  'project.manage': 'managing this project',
  'user.manage': 'managing users',
  'project.create': 'creating projects',
};

/** The roles that have a permission, lowest first. */
export function rolesWith(permission: Permission): Role[] {
  return ROLES.filter((role) => can(role, permission)).reverse();
}
