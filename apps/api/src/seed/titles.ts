import { BodyKind, TitleLevel } from '@canbo/shared';

export interface TitleSeed {
  code: string;
  name: string;
  level: TitleLevel;
  bodyKind: BodyKind | null;
  equivalenceClass: string;
}

const C = TitleLevel.COMMUNE;
const P = TitleLevel.PROVINCE;

/** The default title catalogue (editable in the product). Equivalent titles share an equivalence class. */
export const TITLE_SEEDS: TitleSeed[] = [
  { code: 'party_secretary', name: 'Bí thư Đảng ủy', level: C, bodyKind: BodyKind.PARTY_COMMITTEE, equivalenceClass: 'commune.party_secretary' },
  { code: 'deputy_party_secretary', name: 'Phó Bí thư Đảng ủy', level: C, bodyKind: BodyKind.PARTY_COMMITTEE, equivalenceClass: 'commune.deputy_party_secretary' },
  { code: 'standing_committee_member', name: 'Ủy viên Ban Thường vụ Đảng ủy', level: C, bodyKind: BodyKind.PARTY_COMMITTEE, equivalenceClass: 'commune.standing_committee_member' },
  { code: 'inspection_committee_chair', name: 'Chủ nhiệm Ủy ban Kiểm tra Đảng ủy', level: C, bodyKind: BodyKind.PARTY_COMMITTEE, equivalenceClass: 'commune.party_board_head' },
  { code: 'party_office_chief', name: 'Chánh Văn phòng Đảng ủy', level: C, bodyKind: BodyKind.PARTY_COMMITTEE, equivalenceClass: 'commune.party_board_head' },
  { code: 'party_building_board_head', name: 'Trưởng Ban Xây dựng Đảng', level: C, bodyKind: BodyKind.PARTY_COMMITTEE, equivalenceClass: 'commune.party_board_head' },
  { code: 'council_chair', name: 'Chủ tịch Hội đồng nhân dân', level: C, bodyKind: BodyKind.PEOPLES_COUNCIL, equivalenceClass: 'commune.council_chair' },
  { code: 'council_vice_chair', name: 'Phó Chủ tịch Hội đồng nhân dân', level: C, bodyKind: BodyKind.PEOPLES_COUNCIL, equivalenceClass: 'commune.council_vice_chair' },
  { code: 'council_board_head', name: 'Trưởng Ban Hội đồng nhân dân', level: C, bodyKind: BodyKind.PEOPLES_COUNCIL, equivalenceClass: 'commune.council_board_head' },
  { code: 'pc_chair', name: 'Chủ tịch Ủy ban nhân dân', level: C, bodyKind: BodyKind.PEOPLES_COMMITTEE, equivalenceClass: 'commune.pc_chair' },
  { code: 'pc_vice_chair', name: 'Phó Chủ tịch Ủy ban nhân dân', level: C, bodyKind: BodyKind.PEOPLES_COMMITTEE, equivalenceClass: 'commune.pc_vice_chair' },
  { code: 'office_chief', name: 'Chánh Văn phòng HĐND và UBND', level: C, bodyKind: BodyKind.PEOPLES_COMMITTEE, equivalenceClass: 'commune.department_head' },
  { code: 'economic_dept_head', name: 'Trưởng phòng Kinh tế', level: C, bodyKind: BodyKind.PEOPLES_COMMITTEE, equivalenceClass: 'commune.department_head' },
  { code: 'urban_economic_dept_head', name: 'Trưởng phòng Kinh tế, Hạ tầng và Đô thị', level: C, bodyKind: BodyKind.PEOPLES_COMMITTEE, equivalenceClass: 'commune.department_head' },
  { code: 'culture_social_dept_head', name: 'Trưởng phòng Văn hóa - Xã hội', level: C, bodyKind: BodyKind.PEOPLES_COMMITTEE, equivalenceClass: 'commune.department_head' },
  { code: 'front_chair', name: 'Chủ tịch Ủy ban Mặt trận Tổ quốc', level: C, bodyKind: BodyKind.FATHERLAND_FRONT, equivalenceClass: 'commune.front_chair' },
  { code: 'front_vice_chair', name: 'Phó Chủ tịch Ủy ban Mặt trận Tổ quốc', level: C, bodyKind: BodyKind.FATHERLAND_FRONT, equivalenceClass: 'commune.front_vice_chair' },
  { code: 'youth_union_secretary', name: 'Bí thư Đoàn Thanh niên Cộng sản Hồ Chí Minh', level: C, bodyKind: BodyKind.SOCIO_POLITICAL_ORGANISATION, equivalenceClass: 'commune.mass_org_head' },
  { code: 'womens_union_chair', name: 'Chủ tịch Hội Liên hiệp Phụ nữ', level: C, bodyKind: BodyKind.SOCIO_POLITICAL_ORGANISATION, equivalenceClass: 'commune.mass_org_head' },
  { code: 'farmers_union_chair', name: 'Chủ tịch Hội Nông dân', level: C, bodyKind: BodyKind.SOCIO_POLITICAL_ORGANISATION, equivalenceClass: 'commune.mass_org_head' },
  { code: 'veterans_chair', name: 'Chủ tịch Hội Cựu chiến binh', level: C, bodyKind: BodyKind.SOCIO_POLITICAL_ORGANISATION, equivalenceClass: 'commune.mass_org_head' },
  { code: 'military_commander', name: 'Chỉ huy trưởng Ban Chỉ huy Quân sự', level: C, bodyKind: BodyKind.PEOPLES_COMMITTEE, equivalenceClass: 'commune.military_commander' },
  { code: 'specialist', name: 'Chuyên viên', level: C, bodyKind: BodyKind.PEOPLES_COMMITTEE, equivalenceClass: 'commune.specialist' },
  { code: 'service_centre_director', name: 'Giám đốc Trung tâm Phục vụ hành chính công', level: C, bodyKind: BodyKind.PUBLIC_SERVICE_UNIT, equivalenceClass: 'commune.service_unit_head' },
  { code: 'province_party_secretary', name: 'Bí thư Tỉnh ủy', level: P, bodyKind: BodyKind.PARTY_COMMITTEE, equivalenceClass: 'province.party_secretary' },
  { code: 'province_deputy_party_secretary', name: 'Phó Bí thư Tỉnh ủy', level: P, bodyKind: BodyKind.PARTY_COMMITTEE, equivalenceClass: 'province.deputy_party_secretary' },
  { code: 'province_pc_chair', name: 'Chủ tịch Ủy ban nhân dân tỉnh', level: P, bodyKind: BodyKind.PEOPLES_COMMITTEE, equivalenceClass: 'province.pc_chair' },
  { code: 'province_council_chair', name: 'Chủ tịch Hội đồng nhân dân tỉnh', level: P, bodyKind: BodyKind.PEOPLES_COUNCIL, equivalenceClass: 'province.council_chair' },
  { code: 'party_board_head', name: 'Trưởng ban Đảng tỉnh', level: P, bodyKind: BodyKind.AGENCY_OFFICE, equivalenceClass: 'province.agency_head' },
  { code: 'department_director', name: 'Giám đốc Sở', level: P, bodyKind: BodyKind.AGENCY_OFFICE, equivalenceClass: 'province.agency_head' },
  { code: 'department_deputy_director', name: 'Phó Giám đốc Sở', level: P, bodyKind: BodyKind.AGENCY_OFFICE, equivalenceClass: 'province.agency_deputy_head' },
  { code: 'province_division_head', name: 'Trưởng phòng cấp tỉnh', level: P, bodyKind: BodyKind.AGENCY_OFFICE, equivalenceClass: 'province.division_head' },
  { code: 'province_specialist', name: 'Chuyên viên cấp tỉnh', level: P, bodyKind: BodyKind.AGENCY_OFFICE, equivalenceClass: 'province.specialist' },
];
