import { ProfessionalField, StaffCategory } from '@canbo/shared';

/** The bodies of a commune-level unit by their place in communeBodies (unit.defaults.ts). */
export const BODY = {
  PARTY: 0,
  COUNCIL: 1,
  PC: 2,
  FRONT: 3,
  YOUTH: 4,
  WOMEN: 5,
  FARMERS: 6,
  VETERANS: 7,
  SERVICE: 8,
  HEALTH: 9,
} as const;

/** The body each title the demo gives sits in. */
export const TITLE_BODY: Record<string, number> = {
  party_secretary: BODY.PARTY,
  deputy_party_secretary: BODY.PARTY,
  inspection_committee_chair: BODY.PARTY,
  party_office_chief: BODY.PARTY,
  party_building_board_head: BODY.PARTY,
  council_chair: BODY.COUNCIL,
  council_vice_chair: BODY.COUNCIL,
  pc_chair: BODY.PC,
  pc_vice_chair: BODY.PC,
  office_chief: BODY.PC,
  economic_dept_head: BODY.PC,
  urban_economic_dept_head: BODY.PC,
  culture_social_dept_head: BODY.PC,
  military_commander: BODY.PC,
  front_chair: BODY.FRONT,
  youth_union_secretary: BODY.YOUTH,
  womens_union_chair: BODY.WOMEN,
  farmers_union_chair: BODY.FARMERS,
  veterans_chair: BODY.VETERANS,
  service_centre_director: BODY.SERVICE,
};

/** Seats of titles the demo establishment adds to the default one (one each per unit). */
export const EXTRA_TITLE_SEATS = [
  'inspection_committee_chair',
  'party_building_board_head',
  'party_office_chief',
  'military_commander',
  'office_chief',
  'culture_social_dept_head',
  'youth_union_secretary',
  'womens_union_chair',
  'farmers_union_chair',
  'veterans_chair',
  'service_centre_director',
];

export interface Role {
  job: string;
  body: number | null;
  titles: string[];
  /** preferred staff category when the unit's quota of cadres allows */
  cadre?: boolean;
  field?: ProfessionalField;
}

/** Standing-committee members other than the key leaders, in the order units fill them. */
export const STANDING_ROLES: Role[] = [
  { job: 'Phó Chủ tịch Ủy ban nhân dân', body: BODY.PC, titles: ['pc_vice_chair'] },
  { job: 'Chủ nhiệm Ủy ban Kiểm tra Đảng ủy', body: BODY.PARTY, titles: ['inspection_committee_chair'] },
  { job: 'Chủ tịch Ủy ban Mặt trận Tổ quốc Việt Nam', body: BODY.FRONT, titles: ['front_chair'] },
  { job: 'Trưởng Ban Xây dựng Đảng', body: BODY.PARTY, titles: ['party_building_board_head'] },
  { job: 'Phó Chủ tịch Hội đồng nhân dân', body: BODY.COUNCIL, titles: ['council_vice_chair'] },
  { job: 'Chánh Văn phòng Đảng ủy', body: BODY.PARTY, titles: ['party_office_chief'] },
  { job: 'Phó Chủ tịch Ủy ban nhân dân', body: BODY.PC, titles: ['pc_vice_chair'] },
  { job: 'Chỉ huy trưởng Ban Chỉ huy Quân sự', body: BODY.PC, titles: ['military_commander'] },
  { job: 'Phó Trưởng Ban Xây dựng Đảng', body: BODY.PARTY, titles: [] },
];

export const MASS_ORG_ROLES: Record<'youth' | 'women' | 'farmers' | 'veterans', Role> = {
  youth: { job: 'Bí thư Đoàn Thanh niên Cộng sản Hồ Chí Minh', body: BODY.YOUTH, titles: ['youth_union_secretary'] },
  women: { job: 'Chủ tịch Hội Liên hiệp Phụ nữ', body: BODY.WOMEN, titles: ['womens_union_chair'] },
  farmers: { job: 'Chủ tịch Hội Nông dân', body: BODY.FARMERS, titles: ['farmers_union_chair'] },
  veterans: { job: 'Chủ tịch Hội Cựu chiến binh', body: BODY.VETERANS, titles: ['veterans_chair'] },
};

/** Other executive-committee members, in the order units fill them. */
export function executiveRoles(ward: boolean): Role[] {
  return [
    { job: 'Chánh Văn phòng HĐND và UBND', body: BODY.PC, titles: ['office_chief'] },
    ward
      ? { job: 'Trưởng phòng Kinh tế, Hạ tầng và Đô thị', body: BODY.PC, titles: ['urban_economic_dept_head'] }
      : { job: 'Trưởng phòng Kinh tế', body: BODY.PC, titles: ['economic_dept_head'] },
    { job: 'Trưởng phòng Văn hóa - Xã hội', body: BODY.PC, titles: ['culture_social_dept_head'] },
    { job: 'Giám đốc Trung tâm Phục vụ hành chính công', body: BODY.SERVICE, titles: ['service_centre_director'] },
    { job: 'Phó Chủ nhiệm Ủy ban Kiểm tra Đảng ủy', body: BODY.PARTY, titles: [], cadre: true },
    { job: 'Phó Chủ tịch Ủy ban Mặt trận Tổ quốc Việt Nam', body: BODY.FRONT, titles: [], cadre: true },
    { job: 'Trưởng Ban Kinh tế - Ngân sách Hội đồng nhân dân', body: BODY.COUNCIL, titles: [], cadre: true },
    { job: 'Trưởng Ban Văn hóa - Xã hội Hội đồng nhân dân', body: BODY.COUNCIL, titles: [], cadre: true },
    { job: 'Phó Chánh Văn phòng Đảng ủy', body: BODY.PARTY, titles: [] },
    { job: ward ? 'Phó Trưởng phòng Kinh tế, Hạ tầng và Đô thị' : 'Phó Trưởng phòng Kinh tế', body: BODY.PC, titles: [] },
    { job: 'Phó Trưởng phòng Văn hóa - Xã hội', body: BODY.PC, titles: [] },
    { job: 'Phó Chánh Văn phòng HĐND và UBND', body: BODY.PC, titles: [] },
    { job: 'Phó Giám đốc Trung tâm Phục vụ hành chính công', body: BODY.SERVICE, titles: [] },
    { job: 'Phó Chỉ huy trưởng Ban Chỉ huy Quân sự', body: BODY.PC, titles: [] },
    { job: 'Chuyên viên Ban Xây dựng Đảng', body: BODY.PARTY, titles: [] },
    { job: 'Chuyên viên Ủy ban Kiểm tra Đảng ủy', body: BODY.PARTY, titles: [] },
    { job: 'Chuyên viên Văn phòng Đảng ủy', body: BODY.PARTY, titles: [] },
  ];
}

/** Cadres outside the committees (deputies of the front and the organisations), cycled as needed. */
export const OTHER_CADRE_ROLES: Role[] = [
  { job: 'Phó Chủ tịch Ủy ban Mặt trận Tổ quốc Việt Nam', body: BODY.FRONT, titles: [] },
  { job: 'Phó Bí thư Đoàn Thanh niên Cộng sản Hồ Chí Minh', body: BODY.YOUTH, titles: [] },
  { job: 'Phó Chủ tịch Hội Liên hiệp Phụ nữ', body: BODY.WOMEN, titles: [] },
  { job: 'Phó Chủ tịch Hội Nông dân', body: BODY.FARMERS, titles: [] },
  { job: 'Phó Chủ tịch Hội Cựu chiến binh', body: BODY.VETERANS, titles: [] },
  { job: 'Ủy viên Ủy ban Kiểm tra Đảng ủy', body: BODY.PARTY, titles: [] },
  { job: 'Phó Trưởng Ban Xây dựng Đảng', body: BODY.PARTY, titles: [] },
  { job: 'Phó Chủ tịch Ủy ban Mặt trận Tổ quốc Việt Nam', body: BODY.FRONT, titles: [] },
  { job: 'Phó Bí thư Đoàn Thanh niên Cộng sản Hồ Chí Minh', body: BODY.YOUTH, titles: [] },
  { job: 'Phó Chủ tịch Hội Liên hiệp Phụ nữ', body: BODY.WOMEN, titles: [] },
  { job: 'Phó Chủ tịch Hội Nông dân', body: BODY.FARMERS, titles: [] },
  { job: 'Chuyên trách Ủy ban Mặt trận Tổ quốc Việt Nam', body: BODY.FRONT, titles: [] },
];

/** Civil servants with a professional field (the specialists of the establishment) and the job they hold. */
export const SPECIALIST_JOBS: Record<ProfessionalField, string> = {
  [ProfessionalField.LAND_MANAGEMENT]: 'Chuyên viên quản lý đất đai',
  [ProfessionalField.PUBLIC_INVESTMENT]: 'Chuyên viên quản lý đầu tư công',
  [ProfessionalField.BUDGET_FINANCE]: 'Chuyên viên tài chính - ngân sách',
  [ProfessionalField.DIGITAL_TRANSFORMATION]: 'Chuyên viên chuyển đổi số',
  [ProfessionalField.INFORMATION_TECHNOLOGY]: 'Chuyên viên công nghệ thông tin',
  [ProfessionalField.PLANNING]: 'Chuyên viên quy hoạch',
  [ProfessionalField.ACCOUNTING]: 'Kế toán',
  [ProfessionalField.ENVIRONMENT]: 'Chuyên viên tài nguyên và môi trường',
  [ProfessionalField.CONSTRUCTION]: 'Chuyên viên quản lý xây dựng',
  [ProfessionalField.JUSTICE]: 'Chuyên viên tư pháp - hộ tịch',
  [ProfessionalField.CULTURE_SOCIETY]: 'Chuyên viên văn hóa - xã hội',
  [ProfessionalField.AGRICULTURE]: 'Chuyên viên nông nghiệp',
};

/** The field of study behind a professional field. */
export const FIELD_OF_STUDY: Record<ProfessionalField, string> = {
  [ProfessionalField.LAND_MANAGEMENT]: 'Quản lý đất đai',
  [ProfessionalField.PUBLIC_INVESTMENT]: 'Kinh tế đầu tư',
  [ProfessionalField.BUDGET_FINANCE]: 'Tài chính - Ngân hàng',
  [ProfessionalField.DIGITAL_TRANSFORMATION]: 'Hệ thống thông tin',
  [ProfessionalField.INFORMATION_TECHNOLOGY]: 'Công nghệ thông tin',
  [ProfessionalField.PLANNING]: 'Quy hoạch vùng và đô thị',
  [ProfessionalField.ACCOUNTING]: 'Kế toán',
  [ProfessionalField.ENVIRONMENT]: 'Khoa học môi trường',
  [ProfessionalField.CONSTRUCTION]: 'Kỹ thuật xây dựng',
  [ProfessionalField.JUSTICE]: 'Luật',
  [ProfessionalField.CULTURE_SOCIETY]: 'Công tác xã hội',
  [ProfessionalField.AGRICULTURE]: 'Nông học',
};

/** Civil servants without a specialist field, cycled as needed. */
export const GENERAL_CIVIL_SERVANT_ROLES: Role[] = [
  { job: 'Chuyên viên Văn phòng HĐND và UBND', body: BODY.PC, titles: [] },
  { job: 'Chuyên viên Trung tâm Phục vụ hành chính công', body: BODY.SERVICE, titles: [] },
  { job: 'Chuyên viên Phòng Văn hóa - Xã hội', body: BODY.PC, titles: [] },
  { job: 'Chuyên viên Phòng Kinh tế', body: BODY.PC, titles: [] },
  { job: 'Chuyên viên Ban Xây dựng Đảng', body: BODY.PARTY, titles: [] },
  { job: 'Chuyên viên Văn phòng Đảng ủy', body: BODY.PARTY, titles: [] },
  { job: 'Chuyên viên Hội đồng nhân dân', body: BODY.COUNCIL, titles: [] },
  { job: 'Chuyên viên Ủy ban Mặt trận Tổ quốc Việt Nam', body: BODY.FRONT, titles: [] },
  { job: 'Chuyên viên lao động, người có công và xã hội', body: BODY.PC, titles: [] },
  { job: 'Văn thư - Lưu trữ', body: BODY.PC, titles: [] },
];

export type PublicEmployeeKind = 'preschool' | 'primary' | 'secondary' | 'principal' | 'school_staff' | 'doctor' | 'nurse' | 'midwife' | 'pharmacist' | 'health_head' | 'service' | 'other';

/** Jobs of public employees with their weight in a unit (schools, health station, service centre, others). */
export const PUBLIC_EMPLOYEE_JOBS: readonly (readonly [PublicEmployeeKind, number])[] = [
  ['preschool', 190],
  ['primary', 330],
  ['secondary', 250],
  ['principal', 18],
  ['school_staff', 45],
  ['doctor', 14],
  ['nurse', 30],
  ['midwife', 12],
  ['pharmacist', 6],
  ['service', 20],
  ['other', 40],
];

export const CONTRACT_JOBS = ['Nhân viên bảo vệ', 'Lái xe', 'Nhân viên phục vụ', 'Nhân viên tạp vụ', 'Nhân viên kỹ thuật'];

export const CBCC_CATEGORIES = [StaffCategory.CADRE, StaffCategory.CIVIL_SERVANT];
