/**
 * The permission catalogue. Every GraphQL operation and HTTP route declares exactly one of these
 * (or `PUBLIC`). Roles are sets of these keys; the next stage enforces them.
 */
export const PERMISSIONS = {
  UNIT_READ: 'unit.read',
  UNIT_MANAGE: 'unit.manage',
  ESTABLISHMENT_MANAGE: 'establishment.manage',
  TITLE_MANAGE: 'title.manage',
  RULE_MANAGE: 'rule.manage',
  PERSONNEL_READ: 'personnel.read',
  PERSONNEL_READ_SENSITIVE: 'personnel.read_sensitive',
  PERSONNEL_WRITE: 'personnel.write',
  PLANNING_READ: 'planning.read',
  PLANNING_WRITE: 'planning.write',
  PLANNING_APPROVE: 'planning.approve',
  ROTATION_READ: 'rotation.read',
  ROTATION_WRITE: 'rotation.write',
  ROTATION_APPROVE: 'rotation.approve',
  EVALUATION_READ: 'evaluation.read',
  EVALUATION_WRITE: 'evaluation.write',
  EVALUATION_APPROVE: 'evaluation.approve',
  REPORT_READ: 'report.read',
  REPORT_SNAPSHOT: 'report.snapshot',
  ADMIN_USERS: 'admin.users',
  ADMIN_ROLES: 'admin.roles',
  AUDIT_READ: 'audit.read',
} as const;

export type Permission = (typeof PERMISSIONS)[keyof typeof PERMISSIONS];

/** Marker for the few routes anyone may call (health check, sign-in). */
export const PUBLIC = 'public' as const;
/** Marker for what any signed-in user or service account may do about itself (who am I, change my password). */
export const AUTHENTICATED = 'authenticated' as const;
export type PermissionOrPublic = Permission | typeof PUBLIC | typeof AUTHENTICATED;

export const ALL_PERMISSIONS: readonly Permission[] = Object.values(PERMISSIONS);

export function isPermission(value: string): value is Permission {
  return (ALL_PERMISSIONS as readonly string[]).includes(value);
}

export const PERMISSION_LABELS: Record<Permission, { vi: string; en: string }> = {
  'unit.read': { vi: 'Xem đơn vị, tổ chức và biên chế', en: 'Read units, bodies and establishment' },
  'unit.manage': { vi: 'Quản lý đơn vị và tổ chức', en: 'Manage units and bodies' },
  'establishment.manage': { vi: 'Điều chỉnh biên chế, định suất', en: 'Manage establishment' },
  'title.manage': { vi: 'Quản lý danh mục chức danh', en: 'Manage the title catalogue' },
  'rule.manage': { vi: 'Quản lý tham số quy định', en: 'Manage rule settings' },
  'personnel.read': { vi: 'Xem hồ sơ cán bộ', en: 'Read personal files' },
  'personnel.read_sensitive': { vi: 'Xem thông tin nhạy cảm', en: 'Read sensitive personal data' },
  'personnel.write': { vi: 'Cập nhật hồ sơ cán bộ', en: 'Edit personal files' },
  'planning.read': { vi: 'Xem quy hoạch', en: 'Read succession planning' },
  'planning.write': { vi: 'Lập quy hoạch', en: 'Prepare succession planning' },
  'planning.approve': { vi: 'Phê duyệt quy hoạch', en: 'Approve succession planning' },
  'rotation.read': { vi: 'Xem luân chuyển, điều động, biệt phái', en: 'Read rotations' },
  'rotation.write': { vi: 'Lập luân chuyển, điều động, biệt phái', en: 'Prepare rotations' },
  'rotation.approve': { vi: 'Quyết định luân chuyển', en: 'Approve rotations' },
  'evaluation.read': { vi: 'Xem đánh giá, xếp loại', en: 'Read evaluations' },
  'evaluation.write': { vi: 'Đánh giá, xếp loại', en: 'Record evaluations' },
  'evaluation.approve': { vi: 'Phê duyệt kết quả xếp loại', en: 'Approve ratings' },
  'report.read': { vi: 'Xem báo cáo, chỉ tiêu', en: 'Read reports and targets' },
  'report.snapshot': { vi: 'Chốt số liệu báo cáo và chỉ tiêu', en: 'Freeze report and target snapshots' },
  'admin.users': { vi: 'Quản trị người dùng', en: 'Administer users' },
  'admin.roles': { vi: 'Quản trị vai trò', en: 'Administer roles' },
  'audit.read': { vi: 'Xem nhật ký hệ thống', en: 'Read the audit log' },
};
