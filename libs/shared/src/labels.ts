import {
  AgeBand,
  AgencyBranch,
  AnnualRating,
  PersonEntryKind,
  PersonRecordKind,
  PoliticalTheoryLevel,
  QualificationLevel,
  TrainingKind,
  BodyKind,
  CommitteeKind,
  EstablishmentItemKind,
  FamilyRelation,
  Gender,
  PersonStatus,
  ProfessionalField,
  RecordKind,
  StaffCategory,
  TitleLevel,
  UnitKind,
} from './enums';

export type Locale = 'vi' | 'en';
export type Labels<E extends string> = Record<E, Record<Locale, string>>;

export const UNIT_KIND_LABELS: Labels<UnitKind> = {
  PROVINCE: { vi: 'Tỉnh', en: 'Province' },
  COMMUNE: { vi: 'Xã', en: 'Commune' },
  WARD: { vi: 'Phường', en: 'Ward' },
  SPECIAL_ZONE: { vi: 'Đặc khu', en: 'Special zone' },
  PROVINCE_AGENCY: { vi: 'Cơ quan cấp tỉnh', en: 'Province agency' },
};

export const AGENCY_BRANCH_LABELS: Labels<AgencyBranch> = {
  PARTY: { vi: 'Khối Đảng', en: 'Party' },
  STATE: { vi: 'Khối chính quyền', en: 'State' },
  FRONT: { vi: 'Khối Mặt trận, đoàn thể', en: 'Front' },
};

export const BODY_KIND_LABELS: Labels<BodyKind> = {
  PARTY_COMMITTEE: { vi: 'Đảng ủy', en: 'Party committee' },
  PEOPLES_COUNCIL: { vi: 'Hội đồng nhân dân', en: "People's council" },
  PEOPLES_COMMITTEE: { vi: 'Ủy ban nhân dân', en: "People's committee" },
  FATHERLAND_FRONT: { vi: 'Ủy ban Mặt trận Tổ quốc', en: 'Fatherland front' },
  SOCIO_POLITICAL_ORGANISATION: { vi: 'Tổ chức chính trị - xã hội', en: 'Socio-political organisation' },
  PUBLIC_SERVICE_UNIT: { vi: 'Đơn vị sự nghiệp công lập', en: 'Public service unit' },
  AGENCY_OFFICE: { vi: 'Cơ quan, phòng ban', en: 'Agency office' },
};

export const STAFF_CATEGORY_LABELS: Labels<StaffCategory> = {
  CADRE: { vi: 'Cán bộ', en: 'Cadre' },
  CIVIL_SERVANT: { vi: 'Công chức', en: 'Civil servant' },
  PUBLIC_EMPLOYEE: { vi: 'Viên chức', en: 'Public employee' },
  CONTRACT: { vi: 'Hợp đồng lao động', en: 'Contract worker' },
};

export const ESTABLISHMENT_ITEM_KIND_LABELS: Labels<EstablishmentItemKind> = {
  HEADCOUNT: { vi: 'Biên chế được phê duyệt', en: 'Approved headcount' },
  COMMITTEE_SEATS: { vi: 'Số lượng cấp ủy theo kế hoạch', en: 'Planned committee seats' },
  TITLE_SEATS: { vi: 'Số lượng chức danh lãnh đạo', en: 'Leadership title seats' },
  SPECIALISTS: { vi: 'Nhu cầu chuyên môn theo lĩnh vực', en: 'Specialists needed per field' },
};

export const COMMITTEE_KIND_LABELS: Labels<CommitteeKind> = {
  EXECUTIVE: { vi: 'Ban Chấp hành', en: 'Executive committee' },
  STANDING: { vi: 'Ban Thường vụ', en: 'Standing committee' },
};

export const PROFESSIONAL_FIELD_LABELS: Labels<ProfessionalField> = {
  LAND_MANAGEMENT: { vi: 'Quản lý đất đai', en: 'Land management' },
  PUBLIC_INVESTMENT: { vi: 'Đầu tư công', en: 'Public investment' },
  BUDGET_FINANCE: { vi: 'Tài chính - ngân sách', en: 'Budget and finance' },
  DIGITAL_TRANSFORMATION: { vi: 'Chuyển đổi số', en: 'Digital transformation' },
  INFORMATION_TECHNOLOGY: { vi: 'Công nghệ thông tin', en: 'Information technology' },
  PLANNING: { vi: 'Quy hoạch', en: 'Planning' },
  ACCOUNTING: { vi: 'Kế toán', en: 'Accounting' },
  ENVIRONMENT: { vi: 'Môi trường', en: 'Environment' },
  CONSTRUCTION: { vi: 'Xây dựng', en: 'Construction' },
  JUSTICE: { vi: 'Tư pháp - hộ tịch', en: 'Justice and civil status' },
  CULTURE_SOCIETY: { vi: 'Văn hóa - xã hội', en: 'Culture and society' },
  AGRICULTURE: { vi: 'Nông nghiệp', en: 'Agriculture' },
};

export const TITLE_LEVEL_LABELS: Labels<TitleLevel> = {
  COMMUNE: { vi: 'Cấp xã', en: 'Commune level' },
  PROVINCE: { vi: 'Cấp tỉnh', en: 'Province level' },
};

export const RECORD_KIND_LABELS: Labels<RecordKind> = {
  CHANGE: { vi: 'Thay đổi', en: 'Change' },
  CORRECTION: { vi: 'Đính chính', en: 'Correction' },
};

export const GENDER_LABELS: Labels<Gender> = {
  MALE: { vi: 'Nam', en: 'Male' },
  FEMALE: { vi: 'Nữ', en: 'Female' },
};

export const PERSON_STATUS_LABELS: Labels<PersonStatus> = {
  SERVING: { vi: 'Đang công tác', en: 'Serving' },
  ON_LEAVE: { vi: 'Tạm nghỉ', en: 'On leave' },
  SECONDED_OUT: { vi: 'Biệt phái', en: 'Seconded out' },
  RETIRED: { vi: 'Đã nghỉ hưu', en: 'Retired' },
  LEFT: { vi: 'Đã thôi việc', en: 'Left' },
  DECEASED: { vi: 'Đã từ trần', en: 'Deceased' },
};

export function label<E extends string>(labels: Labels<E>, value: E, locale: Locale = 'vi'): string {
  return labels[value]?.[locale] ?? value;
}

export const PERSON_RECORD_KIND_LABELS: Labels<PersonRecordKind> = {
  TITLE: { vi: 'Chức danh', en: 'Title' },
  COMMITTEE: { vi: 'Cấp ủy', en: 'Party committee' },
  QUALIFICATION: { vi: 'Trình độ chuyên môn', en: 'Professional qualification' },
  POLITICAL_THEORY: { vi: 'Lý luận chính trị', en: 'Political theory' },
  STATE_MANAGEMENT: { vi: 'Quản lý nhà nước', en: 'State management' },
  IT: { vi: 'Tin học', en: 'IT' },
  FOREIGN_LANGUAGE: { vi: 'Ngoại ngữ', en: 'Foreign language' },
  CIVIL_SERVICE_RANK: { vi: 'Ngạch, bậc lương', en: 'Civil-service rank and salary step' },
};

export const QUALIFICATION_LEVEL_LABELS: Labels<QualificationLevel> = {
  BELOW_COLLEGE: { vi: 'Dưới cao đẳng', en: 'Below college' },
  COLLEGE: { vi: 'Cao đẳng', en: 'College' },
  BACHELOR: { vi: 'Đại học', en: 'Bachelor' },
  MASTER: { vi: 'Thạc sĩ', en: 'Master' },
  DOCTORATE: { vi: 'Tiến sĩ', en: 'Doctorate' },
  NOT_RECORDED: { vi: 'Chưa ghi nhận', en: 'Not recorded' },
};

export const POLITICAL_THEORY_LEVEL_LABELS: Labels<PoliticalTheoryLevel> = {
  ELEMENTARY: { vi: 'Sơ cấp', en: 'Elementary' },
  INTERMEDIATE: { vi: 'Trung cấp', en: 'Intermediate' },
  ADVANCED: { vi: 'Cao cấp', en: 'Advanced' },
  BACHELOR: { vi: 'Cử nhân chính trị', en: 'Political-science bachelor' },
};

export const PERSON_ENTRY_KIND_LABELS: Labels<PersonEntryKind> = {
  TRAINING: { vi: 'Đào tạo, bồi dưỡng', en: 'Training' },
  RATING: { vi: 'Xếp loại hằng năm', en: 'Annual rating' },
  COMMENDATION: { vi: 'Khen thưởng', en: 'Commendation' },
  DISCIPLINE: { vi: 'Kỷ luật', en: 'Disciplinary measure' },
  FAMILY: { vi: 'Quan hệ gia đình', en: 'Family relation' },
};

export const FAMILY_RELATION_LABELS: Labels<FamilyRelation> = {
  FATHER: { vi: 'Bố', en: 'Father' },
  MOTHER: { vi: 'Mẹ', en: 'Mother' },
  SPOUSE: { vi: 'Vợ (chồng)', en: 'Spouse' },
  CHILD: { vi: 'Con', en: 'Child' },
  SIBLING: { vi: 'Anh, chị, em ruột', en: 'Sibling' },
  SPOUSE_FATHER: { vi: 'Bố vợ (chồng)', en: "Spouse's father" },
  SPOUSE_MOTHER: { vi: 'Mẹ vợ (chồng)', en: "Spouse's mother" },
  SPOUSE_SIBLING: { vi: 'Anh, chị, em ruột của vợ (chồng)', en: "Spouse's sibling" },
};

export const TRAINING_KIND_LABELS: Labels<TrainingKind> = {
  DIGITAL_SKILLS: { vi: 'Kỹ năng số', en: 'Digital skills' },
  POLITICAL_THEORY: { vi: 'Lý luận chính trị', en: 'Political theory' },
  PROFESSIONAL: { vi: 'Chuyên môn, nghiệp vụ', en: 'Professional' },
  MANAGEMENT: { vi: 'Quản lý', en: 'Management' },
  ETHNIC_LANGUAGE: { vi: 'Tiếng dân tộc', en: 'Ethnic language' },
  OTHER: { vi: 'Khác', en: 'Other' },
};

export const ANNUAL_RATING_LABELS: Labels<AnnualRating> = {
  EXCELLENT: { vi: 'Hoàn thành xuất sắc nhiệm vụ', en: 'Excellent' },
  GOOD: { vi: 'Hoàn thành tốt nhiệm vụ', en: 'Good' },
  COMPLETE: { vi: 'Hoàn thành nhiệm vụ', en: 'Complete' },
  INCOMPLETE: { vi: 'Không hoàn thành nhiệm vụ', en: 'Incomplete' },
};

export const AGE_BAND_LABELS: Labels<AgeBand> = {
  YOUNG: { vi: 'Trẻ', en: 'Young' },
  NOT_YOUNG: { vi: 'Không thuộc diện trẻ', en: 'Not young' },
};
