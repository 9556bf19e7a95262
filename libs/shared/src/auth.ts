import { PERMISSIONS, Permission } from './permissions';
import { StaffCategory } from './enums';

/** Password policy, shared by the API (enforced) and the SPA (shown and checked while typing). */
export const PASSWORD_POLICY = {
  minLength: 10,
  maxLength: 128,
  /** of: lower-case, upper-case, digit, other */
  minClasses: 3,
} as const;

const COMMON_PASSWORDS = new Set([
  'password123',
  'password1234',
  'matkhau123',
  'matkhau1234',
  'admin12345',
  'administrator',
  'qwerty12345',
  '1234567890',
  '12345678910',
  'abc1234567',
  'canbo12345',
  'iloveyou123',
]);

export enum PasswordProblem {
  TOO_SHORT = 'TOO_SHORT',
  TOO_LONG = 'TOO_LONG',
  TOO_SIMPLE = 'TOO_SIMPLE',
  CONTAINS_USERNAME = 'CONTAINS_USERNAME',
  COMMON = 'COMMON',
}

export const PASSWORD_PROBLEM_MESSAGES: Record<PasswordProblem, { vi: string; en: string }> = {
  TOO_SHORT: { vi: `Mật khẩu phải có ít nhất ${PASSWORD_POLICY.minLength} ký tự`, en: `At least ${PASSWORD_POLICY.minLength} characters` },
  TOO_LONG: { vi: `Mật khẩu không được dài quá ${PASSWORD_POLICY.maxLength} ký tự`, en: `At most ${PASSWORD_POLICY.maxLength} characters` },
  TOO_SIMPLE: {
    vi: 'Mật khẩu phải có ít nhất 3 trong 4 loại: chữ thường, chữ hoa, chữ số, ký tự khác',
    en: 'Use at least 3 of: lower-case, upper-case, digits, other characters',
  },
  CONTAINS_USERNAME: { vi: 'Mật khẩu không được chứa tên đăng nhập', en: 'Must not contain the user name' },
  COMMON: { vi: 'Mật khẩu quá phổ biến, dễ đoán', en: 'Too common, easy to guess' },
};

/** The problems of a candidate password (empty when acceptable). */
export function passwordProblems(password: string, username = ''): PasswordProblem[] {
  const problems: PasswordProblem[] = [];
  if (password.length < PASSWORD_POLICY.minLength) problems.push(PasswordProblem.TOO_SHORT);
  if (password.length > PASSWORD_POLICY.maxLength) problems.push(PasswordProblem.TOO_LONG);
  const classes = [/[a-z]/u, /[A-Z]/u, /[0-9]/u, /[^a-zA-Z0-9]/u].filter((r) => r.test(password)).length;
  if (classes < PASSWORD_POLICY.minClasses) problems.push(PasswordProblem.TOO_SIMPLE);
  if (username.length >= 3 && password.toLowerCase().includes(username.toLowerCase())) problems.push(PasswordProblem.CONTAINS_USERNAME);
  if (COMMON_PASSWORDS.has(password.toLowerCase())) problems.push(PasswordProblem.COMMON);
  return problems;
}

export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]{2,59}$/u;

/** Who did something: a person, another system, or canbo itself (migrations, seeding). */
export enum ActorType {
  USER = 'USER',
  SERVICE_ACCOUNT = 'SERVICE_ACCOUNT',
  SYSTEM = 'SYSTEM',
}

/** Where a role assignment applies. */
export enum ScopeKind {
  /** every unit of the province */
  ALL_UNITS = 'ALL_UNITS',
  /** the listed units */
  UNITS = 'UNITS',
}

export interface DefaultRole {
  code: string;
  name: { vi: string; en: string };
  permissions: Permission[];
  /** the scope this role is usually given with (a hint for the SPA; each assignment carries its own) */
  typicalScope: { kind: ScopeKind; categories: StaffCategory[] | null };
}

const P = PERMISSIONS;
const READ_ALL: Permission[] = [P.UNIT_READ, P.PERSONNEL_READ, P.PLANNING_READ, P.ROTATION_READ, P.EVALUATION_READ, P.REPORT_READ];
const WRITE_PEOPLE: Permission[] = [P.PERSONNEL_WRITE, P.PLANNING_WRITE, P.ROTATION_WRITE, P.EVALUATION_WRITE];

/** The roles seeded at first start (then data: an admin edits them). */
export const DEFAULT_ROLES: DefaultRole[] = [
  {
    code: 'system_admin',
    name: { vi: 'Quản trị hệ thống', en: 'System administrator' },
    permissions: Object.values(PERMISSIONS),
    typicalScope: { kind: ScopeKind.ALL_UNITS, categories: null },
  },
  {
    code: 'province_officer',
    name: { vi: 'Cán bộ cấp tỉnh (tổng hợp)', en: 'Province officer' },
    permissions: [...READ_ALL, P.PERSONNEL_READ_SENSITIVE, P.REPORT_SNAPSHOT],
    typicalScope: { kind: ScopeKind.ALL_UNITS, categories: null },
  },
  {
    code: 'province_organisation_board_officer',
    name: { vi: 'Cán bộ Ban Tổ chức Tỉnh ủy', en: 'Provincial Party Organisation Board officer' },
    permissions: [...READ_ALL, P.PERSONNEL_READ_SENSITIVE, ...WRITE_PEOPLE, P.PLANNING_APPROVE, P.ROTATION_APPROVE],
    typicalScope: { kind: ScopeKind.ALL_UNITS, categories: [StaffCategory.CADRE] },
  },
  {
    code: 'province_home_affairs_officer',
    name: { vi: 'Công chức Sở Nội vụ', en: 'Department of Home Affairs officer' },
    permissions: [...READ_ALL, P.PERSONNEL_READ_SENSITIVE, ...WRITE_PEOPLE, P.ESTABLISHMENT_MANAGE, P.EVALUATION_APPROVE],
    typicalScope: { kind: ScopeKind.ALL_UNITS, categories: [StaffCategory.CIVIL_SERVANT, StaffCategory.PUBLIC_EMPLOYEE] },
  },
  {
    code: 'commune_organisation_officer',
    name: { vi: 'Công chức phụ trách tổ chức cấp xã', en: 'Commune organisation officer' },
    permissions: [...READ_ALL, P.PERSONNEL_READ_SENSITIVE, ...WRITE_PEOPLE, P.UNIT_MANAGE],
    typicalScope: { kind: ScopeKind.UNITS, categories: null },
  },
  {
    code: 'viewer',
    name: { vi: 'Người xem', en: 'Read-only viewer' },
    permissions: [P.UNIT_READ, P.PERSONNEL_READ, P.REPORT_READ],
    typicalScope: { kind: ScopeKind.ALL_UNITS, categories: null },
  },
  {
    code: 'integration_client',
    name: { vi: 'Phần mềm tích hợp', en: 'Integration client' },
    permissions: [P.UNIT_READ, P.PERSONNEL_READ, P.REPORT_READ],
    typicalScope: { kind: ScopeKind.ALL_UNITS, categories: null },
  },
];

/**
 * Fields whose values are sensitive, per audited entity: their values in audit rows are masked for readers
 * without `personnel.read_sensitive`, and reading them is audited. The names are those of the GraphQL fields
 * and of the audited records (identity incl. party details; the content of family entries).
 */
export const SENSITIVE_FIELDS: Record<string, readonly string[]> = {
  person: ['nationalId', 'ethnicityCode', 'religion', 'healthStatus', 'partyJoinedOn', 'partyConfirmedOn', 'partyCardNumber'],
  /** family relations (form 2C): the content of FAMILY entries (audited as personFamily) */
  personFamily: ['relation', 'relativeName', 'year', 'occupation', 'residence', 'text'],
};

/** Fields never written to the audit log at all (secrets). */
export const SECRET_FIELDS: readonly string[] = ['passwordHash', 'keyHash', 'tokenHash'];

export const MASK = '••••';
