import { CommitteeKind, Gender, PoliticalTheoryLevel, ProfessionalField, QualificationLevel, StaffCategory, UnitKind, COMMUNE_LEVEL_KINDS } from './enums';
import { isEthnicMinority, KINH_ETHNICITY_CODE } from './ethnic-groups';
import { politicalTheoryLevelsCountingAs, youngBirthCutoff } from './person';
import { AGE_BAND_RULES, KEY_LEADERSHIP_TITLES_DEFAULT, RuleKey } from './rules';
import { PROFESSIONAL_FIELD_LABELS } from './labels';
import { foldForSearch } from './text';

/**
 * The statistics of the workforce, defined once as data: who is counted (population), what is counted
 * (numerator), over what (base), on a reference date. The API compiles these definitions to SQL (MetricService),
 * the demo generator's tests evaluate them in memory (evaluateMetric), and the SPA can describe them.
 *
 * Conventions shared by every definition:
 * - only commune-level units (COMMUNE, WARD, SPECIAL_ZONE) in force on the reference date count;
 * - "in post" = an assignment in force on the reference date (current knowledge) in one of the staff categories;
 * - committee and title figures count the seats held on the reference date (records in force): a person holding two
 *   titles counts under both;
 * - "young" = under AGE_BAND_RULES.youngUnderAge on the reference date (youngBirthCutoff);
 * - "ethnic minority" = any ethnic group but Kinh (isEthnicMinority); an unrecorded ethnicity is not counted;
 * - a qualification is "recorded" when a QUALIFICATION record other than NOT_RECORDED is in force;
 * - political theory counts by POLITICAL_THEORY_COUNTS_AS (a political-science bachelor counts as advanced);
 * - "a specialist of professional field X" = a cadre or civil servant in post holding a qualification in X: a
 *   QUALIFICATION record of current knowledge obtained on or before the reference date (valid_from <= date; a later,
 *   higher degree ending its validity does not take the degree away) whose field of study (`value.field`), folded
 *   (case and diacritics ignored), is X's code or one of the fields of study PROFESSIONAL_FIELD_STUDIES lists for X.
 *   A person qualified in two fields counts in both. Specialists are compared with the SPECIALISTS establishment
 *   of the field (base specialistPosts);
 * - a shortfall (numerator unfilled) is the base minus the members counted: negative when above the establishment.
 *
 * METRIC_DEFINITIONS lists the figures of section I first (SECTION_1_FIGURES, in the resolution's order), then the
 * additional figures of the report (ADDITIONAL_METRIC_IDS): staff against approved posts and the shortfall per staff
 * category, and specialists against the establishment and the shortfall per professional field.
 */

export type MetricKind = 'units' | 'people' | 'seats';

/** A condition on a person (all given conditions must hold). Data, so it can be compiled to SQL or described. */
export interface MetricFilter {
  gender?: Gender;
  /** under the age of AGE_BAND_RULES on the reference date (true) or not (false) */
  young?: boolean;
  /** of an ethnic group other than Kinh (true), or Kinh (false) */
  minority?: boolean;
  /** a professional qualification is recorded (true) or not (false) */
  qualificationRecorded?: boolean;
  /** the professional qualification in force is one of these levels */
  qualification?: QualificationLevel[];
  /** the political theory level in force counts as this level */
  politicalTheory?: PoliticalTheoryLevel;
  /** holds a qualification (obtained by the reference date) in this professional field (PROFESSIONAL_FIELD_STUDIES) */
  specialistField?: ProfessionalField;
}

/**
 * The fields of study (as recorded in a qualification's `value.field`) that make a specialist of each professional
 * field; compared folded (foldForSearch: case and diacritics ignored), whole names only. The field's code itself
 * (e.g. LAND_MANAGEMENT) also counts. No name is listed under two fields.
 */
export const PROFESSIONAL_FIELD_STUDIES: Readonly<Record<ProfessionalField, readonly string[]>> = {
  [ProfessionalField.LAND_MANAGEMENT]: ['Quản lý đất đai', 'Địa chính', 'Trắc địa - Bản đồ'],
  [ProfessionalField.PUBLIC_INVESTMENT]: ['Kinh tế đầu tư', 'Quản lý đầu tư', 'Quản lý dự án'],
  [ProfessionalField.BUDGET_FINANCE]: ['Tài chính - Ngân hàng', 'Tài chính', 'Tài chính công', 'Ngân hàng'],
  [ProfessionalField.DIGITAL_TRANSFORMATION]: ['Hệ thống thông tin', 'Hệ thống thông tin quản lý', 'Chuyển đổi số', 'Khoa học dữ liệu'],
  [ProfessionalField.INFORMATION_TECHNOLOGY]: ['Công nghệ thông tin', 'Khoa học máy tính', 'Kỹ thuật phần mềm', 'Mạng máy tính và truyền thông dữ liệu'],
  [ProfessionalField.PLANNING]: ['Quy hoạch vùng và đô thị', 'Quy hoạch đô thị', 'Kiến trúc'],
  [ProfessionalField.ACCOUNTING]: ['Kế toán', 'Kiểm toán', 'Kế toán - Kiểm toán'],
  [ProfessionalField.ENVIRONMENT]: ['Khoa học môi trường', 'Kỹ thuật môi trường', 'Quản lý tài nguyên và môi trường', 'Môi trường'],
  [ProfessionalField.CONSTRUCTION]: ['Kỹ thuật xây dựng', 'Xây dựng dân dụng và công nghiệp', 'Kỹ thuật xây dựng công trình giao thông', 'Quản lý xây dựng'],
  [ProfessionalField.JUSTICE]: ['Luật', 'Luật học', 'Luật kinh tế', 'Luật Hiến pháp và Luật Hành chính'],
  [ProfessionalField.CULTURE_SOCIETY]: ['Công tác xã hội', 'Văn hóa học', 'Quản lý văn hóa', 'Xã hội học'],
  [ProfessionalField.AGRICULTURE]: ['Nông học', 'Khoa học cây trồng', 'Chăn nuôi', 'Thú y', 'Nuôi trồng thủy sản', 'Phát triển nông thôn'],
};

/** The folded names of study that count for a professional field (its code included), for SQL and in-memory matching. */
export function specialistStudyNames(field: ProfessionalField): string[] {
  return [...new Set([foldForSearch(field), ...PROFESSIONAL_FIELD_STUDIES[field].map(foldForSearch)])];
}

/** Which titles: by code, by a dated rule setting naming title codes, or by equivalence class of the catalogue. */
export type TitleSelector = { codes: string[] } | { rule: RuleKey.KEY_LEADERSHIP_TITLES } | { equivalenceClass: string };

/** Who (or what) is counted. */
export type MetricPopulation =
  /** commune-level units in force */
  | { of: 'units' }
  /** people in post in these staff categories (one per person) */
  | { of: 'staff'; categories: StaffCategory[] }
  /** seated members of the party committees of this kind (one per membership) */
  | { of: 'committee'; committee: CommitteeKind }
  /** seats held of the selected titles (one per title held) */
  | { of: 'titles'; titles: TitleSelector };

/** What the count is compared with. */
export type MetricBase =
  /** the population, or the part of it matching a filter (e.g. with a recorded qualification) */
  | { of: 'population'; filter?: MetricFilter }
  /** approved posts (HEADCOUNT establishment) of these categories */
  | { of: 'approvedPosts'; categories: StaffCategory[] }
  /** planned committee seats (COMMITTEE_SEATS establishment) */
  | { of: 'plannedSeats'; committee: CommitteeKind }
  /** title seats (TITLE_SEATS establishment) of the selected titles */
  | { of: 'titleSeats'; titles: TitleSelector }
  /** specialists needed (SPECIALISTS establishment) of a professional field */
  | { of: 'specialistPosts'; field: ProfessionalField };

/** What is counted. */
export type MetricNumerator =
  /** members of the population matching the base's filter (when the base is a filtered population) and this one */
  | { of: 'population'; filter?: MetricFilter }
  /** the base minus the population (or its members matching the filter): approved posts or seats not filled */
  | { of: 'unfilled'; filter?: MetricFilter };

export interface MetricText {
  vi: string;
  en: string;
}

export interface MetricDefinition {
  id: string;
  name: MetricText;
  /** the definition in words */
  description: MetricText;
  kind: MetricKind;
  population: MetricPopulation;
  numerator: MetricNumerator;
  /** null: a plain count */
  base: MetricBase | null;
}

export interface MetricValue {
  id: string;
  count: number;
  base: number | null;
}

const CBCC = [StaffCategory.CADRE, StaffCategory.CIVIL_SERVANT];
const PE = [StaffCategory.PUBLIC_EMPLOYEE];
const STAFF = [StaffCategory.CADRE, StaffCategory.CIVIL_SERVANT, StaffCategory.PUBLIC_EMPLOYEE];
const POSTGRADUATE = [QualificationLevel.MASTER, QualificationLevel.DOCTORATE];
const RECORDED: MetricFilter = { qualificationRecorded: true };
const KEY_TITLES: TitleSelector = { rule: RuleKey.KEY_LEADERSHIP_TITLES };
/** the equivalence class of the heads of the socio-political organisations in the title catalogue */
export const MASS_ORGANISATION_HEAD_CLASS = 'commune.mass_org_head';

const FEMALE: MetricFilter = { gender: Gender.FEMALE };
const YOUNG: MetricFilter = { young: true };
const MINORITY: MetricFilter = { minority: true };
const ADVANCED: MetricFilter = { politicalTheory: PoliticalTheoryLevel.ADVANCED };

const staff = (categories: StaffCategory[]): MetricPopulation => ({ of: 'staff', categories });
const of = (filter?: MetricFilter): MetricNumerator => ({ of: 'population', ...(filter ? { filter } : {}) });
const whole = (filter?: MetricFilter): MetricBase => ({ of: 'population', ...(filter ? { filter } : {}) });

const CBCC_VI = 'cán bộ, công chức cấp xã đang công tác';
const CBCC_EN = 'commune-level cadres and civil servants in post';
const PE_VI = 'viên chức cấp xã đang công tác';
const PE_EN = 'commune-level public employees in post';
const RECORDED_VI = (who: string) => `${who} có ghi nhận trình độ chuyên môn`;
const RECORDED_EN = (who: string) => `${who} with a recorded professional qualification`;

function staffMetric(
  id: string,
  name: MetricText,
  who: 'cbcc' | 'pe',
  filter: MetricFilter,
  what: MetricText,
  overRecorded = false,
): MetricDefinition {
  const [whoVi, whoEn] = who === 'cbcc' ? [CBCC_VI, CBCC_EN] : [PE_VI, PE_EN];
  const baseVi = overRecorded ? RECORDED_VI(whoVi) : whoVi;
  const baseEn = overRecorded ? RECORDED_EN(whoEn) : whoEn;
  return {
    id,
    name,
    description: { vi: `Số ${what.vi} trên tổng số ${baseVi}.`, en: `The number of ${what.en}, over all ${baseEn}.` },
    kind: 'people',
    population: staff(who === 'cbcc' ? CBCC : PE),
    numerator: of(filter),
    base: whole(overRecorded ? RECORDED : undefined),
  };
}

const TITLE_NAMES: Record<string, MetricText> = {
  party_secretary: { vi: 'bí thư đảng ủy', en: 'party secretary' },
  deputy_party_secretary: { vi: 'phó bí thư đảng ủy', en: 'deputy party secretary' },
  pc_chair: { vi: 'chủ tịch ủy ban nhân dân', en: "people's committee chair" },
  council_chair: { vi: 'chủ tịch hội đồng nhân dân', en: "people's council chair" },
};

function titleMetrics(code: string, idPrefix: string): MetricDefinition[] {
  const t = TITLE_NAMES[code];
  const titles: TitleSelector = { codes: [code] };
  const population: MetricPopulation = { of: 'titles', titles };
  return [
    {
      id: `${idPrefix}_filled`,
      name: { vi: `Chức danh ${t.vi} được bố trí`, en: `${t.en} seats held` },
      description: {
        vi: `Số ghế ${t.vi} cấp xã đang có người đảm nhiệm, trên số ghế ${t.vi} theo định suất.`,
        en: `Commune-level ${t.en} seats held, over the ${t.en} seats of the establishment.`,
      },
      kind: 'seats',
      population,
      numerator: of(),
      base: { of: 'titleSeats', titles },
    },
    {
      id: `${idPrefix}_women`,
      name: { vi: `Nữ ${t.vi}`, en: `Women among ${t.en}s` },
      description: {
        vi: `Số ghế ${t.vi} cấp xã do nữ đảm nhiệm, trên số ghế ${t.vi} đang có người đảm nhiệm.`,
        en: `Commune-level ${t.en} seats held by women, over the ${t.en} seats held.`,
      },
      kind: 'seats',
      population,
      numerator: of(FEMALE),
      base: whole(),
    },
    {
      id: `${idPrefix}_postgraduate`,
      name: { vi: `${t.vi[0].toUpperCase()}${t.vi.slice(1)} có trình độ sau đại học`, en: `${t.en}s with a postgraduate degree` },
      description: {
        vi: `Số ghế ${t.vi} cấp xã do người có trình độ thạc sĩ hoặc tiến sĩ đảm nhiệm, trên số ghế ${t.vi} đang có người đảm nhiệm.`,
        en: `Commune-level ${t.en} seats held by holders of a master's degree or doctorate, over the ${t.en} seats held.`,
      },
      kind: 'seats',
      population,
      numerator: of({ qualification: POSTGRADUATE }),
      base: whole(),
    },
  ];
}

function committeeMetrics(committee: CommitteeKind, idPrefix: string, vi: string, en: string): MetricDefinition[] {
  const population: MetricPopulation = { of: 'committee', committee };
  const share = (suffix: string, filter: MetricFilter, whatVi: string, whatEn: string, name: MetricText): MetricDefinition => ({
    id: `${idPrefix}_${suffix}`,
    name,
    description: {
      vi: `Số ${whatVi} trong ${vi} cấp xã, trên số ủy viên ${vi} hiện có (không tính ghế còn trống).`,
      en: `The number of ${whatEn} among the seated members of the commune-level ${en}s, over the seated members (vacant seats not counted).`,
    },
    kind: 'seats',
    population,
    numerator: of(filter),
    base: whole(),
  });
  return [
    {
      id: `${idPrefix}_filled`,
      name: { vi: `${vi[0].toUpperCase()}${vi.slice(1)} cấp xã: số hiện có trên số được phân bổ`, en: `${en}s: seated members against planned seats` },
      description: {
        vi: `Số ủy viên ${vi} cấp xã hiện có (nhiệm kỳ đang hiệu lực), trên số ủy viên được phân bổ theo định suất.`,
        en: `Seated members of the commune-level ${en}s (the term in force), over the planned seats of the establishment.`,
      },
      kind: 'seats',
      population,
      numerator: of(),
      base: { of: 'plannedSeats', committee },
    },
    share('women', FEMALE, 'ủy viên nữ', 'women', { vi: `Nữ trong ${vi} cấp xã`, en: `Women among ${en} members` }),
    share('young', YOUNG, 'ủy viên dưới 42 tuổi', 'members under 42', { vi: `Cán bộ trẻ trong ${vi} cấp xã`, en: `${en} members under 42` }),
    share('minority', MINORITY, 'ủy viên là người dân tộc thiểu số', 'ethnic-minority members', {
      vi: `Dân tộc thiểu số trong ${vi} cấp xã`,
      en: `Ethnic minority among ${en} members`,
    }),
  ];
}

/** The definitions of every figure of section I of the resolution (ids of SECTION_1_FIGURES), in its order. */
const SECTION_1_DEFINITIONS: readonly MetricDefinition[] = [
  {
    id: 'commune_level_units',
    name: { vi: 'Số đơn vị hành chính cấp xã', en: 'Commune-level units' },
    description: {
      vi: 'Số xã, phường, đặc khu có hiệu lực vào ngày tham chiếu.',
      en: 'The communes, wards and special zones in force on the reference date.',
    },
    kind: 'units',
    population: { of: 'units' },
    numerator: of(),
    base: null,
  },
  {
    id: 'staff_total',
    name: { vi: 'Cán bộ, công chức, viên chức hiện có trên biên chế được phê duyệt', en: 'Staff in post against approved posts' },
    description: {
      vi: 'Số cán bộ, công chức, viên chức cấp xã đang công tác (không tính hợp đồng lao động), trên tổng biên chế được phê duyệt của ba loại này.',
      en: 'Commune-level cadres, civil servants and public employees in post (contract workers excluded), over the approved posts of the three categories.',
    },
    kind: 'people',
    population: staff(STAFF),
    numerator: of(),
    base: { of: 'approvedPosts', categories: STAFF },
  },
  {
    id: 'staff_shortfall',
    name: { vi: 'Biên chế còn thiếu', en: 'Approved posts not filled' },
    description: {
      vi: 'Tổng biên chế được phê duyệt của cán bộ, công chức, viên chức cấp xã trừ số người đang công tác, trên tổng biên chế được phê duyệt.',
      en: 'The approved posts of commune-level cadres, civil servants and public employees minus the staff in post, over the approved posts.',
    },
    kind: 'people',
    population: staff(STAFF),
    numerator: { of: 'unfilled' },
    base: { of: 'approvedPosts', categories: STAFF },
  },
  {
    id: 'cbcc_total',
    name: { vi: 'Cán bộ, công chức hiện có trên biên chế', en: 'Cadres and civil servants in post against approved posts' },
    description: {
      vi: 'Số cán bộ, công chức cấp xã đang công tác, trên biên chế cán bộ, công chức được phê duyệt.',
      en: 'Commune-level cadres and civil servants in post, over their approved posts.',
    },
    kind: 'people',
    population: staff(CBCC),
    numerator: of(),
    base: { of: 'approvedPosts', categories: CBCC },
  },
  {
    id: 'pe_total',
    name: { vi: 'Viên chức hiện có trên biên chế', en: 'Public employees in post against approved posts' },
    description: {
      vi: 'Số viên chức cấp xã đang công tác, trên biên chế viên chức được phê duyệt.',
      en: 'Commune-level public employees in post, over their approved posts.',
    },
    kind: 'people',
    population: staff(PE),
    numerator: of(),
    base: { of: 'approvedPosts', categories: PE },
  },
  staffMetric('cbcc_women', { vi: 'Nữ trong cán bộ, công chức', en: 'Women among cadres and civil servants' }, 'cbcc', FEMALE, {
    vi: 'cán bộ, công chức nữ',
    en: 'women cadres and civil servants',
  }),
  staffMetric('pe_women', { vi: 'Nữ trong viên chức', en: 'Women among public employees' }, 'pe', FEMALE, {
    vi: 'viên chức nữ',
    en: 'women public employees',
  }),
  staffMetric(
    'cbcc_minority',
    { vi: 'Người dân tộc thiểu số trong cán bộ, công chức', en: 'Ethnic minority among cadres and civil servants' },
    'cbcc',
    MINORITY,
    { vi: 'cán bộ, công chức là người dân tộc thiểu số (không phải dân tộc Kinh)', en: 'cadres and civil servants of an ethnic minority (not Kinh)' },
  ),
  staffMetric(
    'pe_minority',
    { vi: 'Người dân tộc thiểu số trong viên chức', en: 'Ethnic minority among public employees' },
    'pe',
    MINORITY,
    { vi: 'viên chức là người dân tộc thiểu số (không phải dân tộc Kinh)', en: 'public employees of an ethnic minority (not Kinh)' },
  ),
  staffMetric('cbcc_young', { vi: 'Cán bộ, công chức dưới 42 tuổi', en: 'Cadres and civil servants under 42' }, 'cbcc', YOUNG, {
    vi: 'cán bộ, công chức dưới 42 tuổi vào ngày tham chiếu',
    en: 'cadres and civil servants under 42 on the reference date',
  }),
  staffMetric('pe_young', { vi: 'Viên chức dưới 42 tuổi', en: 'Public employees under 42' }, 'pe', YOUNG, {
    vi: 'viên chức dưới 42 tuổi vào ngày tham chiếu',
    en: 'public employees under 42 on the reference date',
  }),
  staffMetric(
    'cbcc_qualification_recorded',
    { vi: 'Cán bộ, công chức có ghi nhận trình độ chuyên môn', en: 'Cadres and civil servants with a recorded qualification' },
    'cbcc',
    RECORDED,
    { vi: 'cán bộ, công chức có ghi nhận trình độ chuyên môn', en: 'cadres and civil servants with a recorded professional qualification' },
  ),
  staffMetric(
    'pe_qualification_recorded',
    { vi: 'Viên chức có ghi nhận trình độ chuyên môn', en: 'Public employees with a recorded qualification' },
    'pe',
    RECORDED,
    { vi: 'viên chức có ghi nhận trình độ chuyên môn', en: 'public employees with a recorded professional qualification' },
  ),
  staffMetric(
    'cbcc_bachelor',
    { vi: 'Cán bộ, công chức có trình độ đại học', en: "Cadres and civil servants whose highest qualification is a bachelor's degree" },
    'cbcc',
    { qualification: [QualificationLevel.BACHELOR] },
    { vi: 'cán bộ, công chức có trình độ chuyên môn cao nhất là đại học', en: "cadres and civil servants whose highest qualification is a bachelor's degree" },
    true,
  ),
  staffMetric(
    'cbcc_postgraduate',
    { vi: 'Cán bộ, công chức có trình độ sau đại học', en: 'Cadres and civil servants with a postgraduate degree' },
    'cbcc',
    { qualification: POSTGRADUATE },
    { vi: 'cán bộ, công chức có trình độ thạc sĩ hoặc tiến sĩ', en: "cadres and civil servants with a master's degree or doctorate" },
    true,
  ),
  staffMetric(
    'pe_bachelor',
    { vi: 'Viên chức có trình độ đại học', en: "Public employees whose highest qualification is a bachelor's degree" },
    'pe',
    { qualification: [QualificationLevel.BACHELOR] },
    { vi: 'viên chức có trình độ chuyên môn cao nhất là đại học', en: "public employees whose highest qualification is a bachelor's degree" },
    true,
  ),
  staffMetric(
    'pe_postgraduate',
    { vi: 'Viên chức có trình độ sau đại học', en: 'Public employees with a postgraduate degree' },
    'pe',
    { qualification: POSTGRADUATE },
    { vi: 'viên chức có trình độ thạc sĩ hoặc tiến sĩ', en: "public employees with a master's degree or doctorate" },
    true,
  ),
  staffMetric(
    'cbcc_theory_advanced',
    { vi: 'Cán bộ, công chức có trình độ lý luận chính trị cao cấp', en: 'Cadres and civil servants with advanced political theory' },
    'cbcc',
    ADVANCED,
    { vi: 'cán bộ, công chức có trình độ lý luận chính trị cao cấp hoặc cử nhân', en: 'cadres and civil servants with advanced political theory (or a political-science bachelor)' },
    true,
  ),
  staffMetric(
    'cbcc_theory_intermediate',
    { vi: 'Cán bộ, công chức có trình độ lý luận chính trị trung cấp', en: 'Cadres and civil servants with intermediate political theory' },
    'cbcc',
    { politicalTheory: PoliticalTheoryLevel.INTERMEDIATE },
    { vi: 'cán bộ, công chức có trình độ lý luận chính trị cao nhất là trung cấp', en: 'cadres and civil servants whose highest political theory level is intermediate' },
    true,
  ),
  staffMetric(
    'pe_theory_intermediate',
    { vi: 'Viên chức có trình độ lý luận chính trị trung cấp', en: 'Public employees with intermediate political theory' },
    'pe',
    { politicalTheory: PoliticalTheoryLevel.INTERMEDIATE },
    { vi: 'viên chức có trình độ lý luận chính trị cao nhất là trung cấp', en: 'public employees whose highest political theory level is intermediate' },
    true,
  ),
  ...committeeMetrics(CommitteeKind.EXECUTIVE, 'exec_committee', 'ban chấp hành đảng bộ', 'party executive committee'),
  ...committeeMetrics(CommitteeKind.STANDING, 'standing_committee', 'ban thường vụ đảng ủy', 'party standing committee'),
  {
    id: 'standing_committee_theory_advanced',
    name: {
      vi: 'Ủy viên ban thường vụ đảng ủy cấp xã có trình độ lý luận chính trị cao cấp hoặc cử nhân',
      en: 'Standing committee members with advanced political theory',
    },
    description: {
      vi: 'Số ủy viên ban thường vụ đảng ủy cấp xã có trình độ lý luận chính trị cao cấp hoặc cử nhân, trên số ủy viên ban thường vụ hiện có.',
      en: 'Seated members of the commune-level party standing committees with advanced political theory (or a political-science bachelor), over the seated members.',
    },
    kind: 'seats',
    population: { of: 'committee', committee: CommitteeKind.STANDING },
    numerator: of(ADVANCED),
    base: whole(),
  },
  ...['party_secretary', 'deputy_party_secretary', 'pc_chair', 'council_chair'].map((code) => titleMetrics(code, code)[0]),
  ...['party_secretary', 'deputy_party_secretary', 'pc_chair', 'council_chair'].map((code) => titleMetrics(code, code)[1]),
  {
    id: 'key_titles_women',
    name: { vi: 'Nữ trong các chức danh lãnh đạo chủ chốt', en: 'Women among key leadership title seats' },
    description: {
      vi: 'Số ghế chức danh lãnh đạo chủ chốt cấp xã (theo quy định về chức danh chủ chốt đang hiệu lực) do nữ đảm nhiệm, trên số ghế chủ chốt đang có người đảm nhiệm; người giữ hai chức danh được tính ở cả hai.',
      en: 'Commune-level key leadership title seats (titles of the key-leadership rule in force) held by women, over the key-title seats held; a person holding two titles counts under both.',
    },
    kind: 'seats',
    population: { of: 'titles', titles: KEY_TITLES },
    numerator: of(FEMALE),
    base: whole(),
  },
  ...['party_secretary', 'deputy_party_secretary', 'pc_chair', 'council_chair'].map((code) => titleMetrics(code, code)[2]),
  {
    id: 'key_titles_postgraduate',
    name: { vi: 'Lãnh đạo chủ chốt có trình độ sau đại học', en: 'Key leadership title seats held by postgraduates' },
    description: {
      vi: 'Số ghế chức danh lãnh đạo chủ chốt cấp xã do người có trình độ thạc sĩ hoặc tiến sĩ đảm nhiệm, trên số ghế chủ chốt đang có người đảm nhiệm.',
      en: "Commune-level key leadership title seats held by holders of a master's degree or doctorate, over the key-title seats held.",
    },
    kind: 'seats',
    population: { of: 'titles', titles: KEY_TITLES },
    numerator: of({ qualification: POSTGRADUATE }),
    base: whole(),
  },
  {
    id: 'key_titles_theory_advanced',
    name: {
      vi: 'Lãnh đạo chủ chốt có trình độ lý luận chính trị cao cấp hoặc cử nhân',
      en: 'Key leadership title seats held by people with advanced political theory',
    },
    description: {
      vi: 'Số ghế chức danh lãnh đạo chủ chốt cấp xã do người có trình độ lý luận chính trị cao cấp hoặc cử nhân đảm nhiệm, trên số ghế chủ chốt đang có người đảm nhiệm.',
      en: 'Commune-level key leadership title seats held by people with advanced political theory (or a political-science bachelor), over the key-title seats held.',
    },
    kind: 'seats',
    population: { of: 'titles', titles: KEY_TITLES },
    numerator: of(ADVANCED),
    base: whole(),
  },
  {
    id: 'mass_org_head_theory_advanced',
    name: {
      vi: 'Cấp trưởng các tổ chức chính trị - xã hội có trình độ lý luận chính trị cao cấp hoặc cử nhân',
      en: 'Heads of socio-political organisations with advanced political theory',
    },
    description: {
      vi: 'Số ghế cấp trưởng các tổ chức chính trị - xã hội cấp xã (Đoàn Thanh niên, Hội Liên hiệp Phụ nữ, Hội Nông dân, Hội Cựu chiến binh) do người có trình độ lý luận chính trị cao cấp hoặc cử nhân đảm nhiệm, trên số ghế cấp trưởng đang có người đảm nhiệm.',
      en: "Commune-level head-of-socio-political-organisation seats (youth union, women's union, farmers' union, veterans' association) held by people with advanced political theory (or a political-science bachelor), over those seats held.",
    },
    kind: 'seats',
    population: { of: 'titles', titles: { equivalenceClass: MASS_ORGANISATION_HEAD_CLASS } },
    numerator: of(ADVANCED),
    base: whole(),
  },
];

const CATEGORY_TEXT: Record<'CADRE' | 'CIVIL_SERVANT', { id: string; vi: string; en: string; Vi: string; En: string }> = {
  CADRE: { id: 'cadre', vi: 'cán bộ', en: 'cadres', Vi: 'Cán bộ', En: 'Cadres' },
  CIVIL_SERVANT: { id: 'civil_servant', vi: 'công chức', en: 'civil servants', Vi: 'Công chức', En: 'Civil servants' },
};

/** Staff in post against approved posts, and the shortfall, of one staff category (public employees: pe_total is in section I). */
function categoryMetrics(category: StaffCategory.CADRE | StaffCategory.CIVIL_SERVANT | StaffCategory.PUBLIC_EMPLOYEE): MetricDefinition[] {
  const base: MetricBase = { of: 'approvedPosts', categories: [category] };
  const population = staff([category]);
  const t =
    category === StaffCategory.PUBLIC_EMPLOYEE
      ? { id: 'pe', vi: 'viên chức', en: 'public employees', Vi: 'Viên chức', En: 'Public employees' }
      : CATEGORY_TEXT[category];
  const total: MetricDefinition = {
    id: `${t.id}_total`,
    name: { vi: `${t.Vi} hiện có trên biên chế được phê duyệt`, en: `${t.En} in post against approved posts` },
    description: {
      vi: `Số ${t.vi} cấp xã đang công tác, trên biên chế ${t.vi} được phê duyệt.`,
      en: `Commune-level ${t.en} in post, over their approved posts.`,
    },
    kind: 'people',
    population,
    numerator: of(),
    base,
  };
  const shortfall: MetricDefinition = {
    id: `${t.id}_shortfall`,
    name: { vi: `Biên chế ${t.vi} còn thiếu`, en: `Approved ${t.en} posts not filled` },
    description: {
      vi: `Biên chế ${t.vi} cấp xã được phê duyệt trừ số ${t.vi} đang công tác (âm khi vượt biên chế), trên biên chế được phê duyệt.`,
      en: `The approved commune-level ${t.en} posts minus the ${t.en} in post (negative when above them), over the approved posts.`,
    },
    kind: 'people',
    population,
    numerator: { of: 'unfilled' },
    base,
  };
  return category === StaffCategory.PUBLIC_EMPLOYEE ? [shortfall] : [total, shortfall];
}

/** Specialists of a professional field in post against the SPECIALISTS establishment, and the shortfall. */
function specialistMetrics(field: ProfessionalField): MetricDefinition[] {
  const id = `specialists_${field.toLowerCase()}`;
  const l = PROFESSIONAL_FIELD_LABELS[field];
  const label = { vi: l.vi.toLowerCase(), en: l.en.toLowerCase(), En: l.en };
  const filter: MetricFilter = { specialistField: field };
  const base: MetricBase = { of: 'specialistPosts', field };
  const whoVi = `cán bộ, công chức cấp xã đang công tác có trình độ chuyên môn thuộc lĩnh vực ${label.vi}`;
  const whoEn = `commune-level cadres and civil servants in post qualified in ${label.en}`;
  return [
    {
      id,
      name: { vi: `Chuyên môn ${label.vi}: số hiện có trên nhu cầu`, en: `${label.En} specialists against the establishment` },
      description: {
        vi: `Số ${whoVi} (văn bằng đã cấp đến ngày tham chiếu, theo ngành đào tạo), trên số người cần theo định suất chuyên môn của lĩnh vực.`,
        en: `The number of ${whoEn} (a degree obtained by the reference date, by field of study), over the specialists of the field in the establishment.`,
      },
      kind: 'people',
      population: staff(CBCC),
      numerator: of(filter),
      base,
    },
    {
      id: `${id}_shortfall`,
      name: { vi: `Chuyên môn ${label.vi} còn thiếu`, en: `${label.En} specialists lacking` },
      description: {
        vi: `Số người cần theo định suất chuyên môn lĩnh vực ${label.vi} trừ số ${whoVi} (âm khi vượt), trên số người cần.`,
        en: `The specialists of ${label.en} in the establishment minus the ${whoEn} (negative when above), over the specialists needed.`,
      },
      kind: 'people',
      population: staff(CBCC),
      numerator: { of: 'unfilled', filter },
      base,
    },
  ];
}


/**
 * The report's figures beyond section I, in their order: per staff category (cadres, civil servants, public
 * employees) staff in post against approved posts and the shortfall; then per professional field the specialists
 * against the SPECIALISTS establishment and the shortfall.
 */
const ADDITIONAL_DEFINITIONS: readonly MetricDefinition[] = [
  ...categoryMetrics(StaffCategory.CADRE),
  ...categoryMetrics(StaffCategory.CIVIL_SERVANT),
  ...categoryMetrics(StaffCategory.PUBLIC_EMPLOYEE),
  ...Object.values(ProfessionalField).flatMap((f) => specialistMetrics(f)),
];

/** Every definition: the figures of section I (ids and order of SECTION_1_FIGURES), then the additional figures. */
export const METRIC_DEFINITIONS: readonly MetricDefinition[] = [...SECTION_1_DEFINITIONS, ...ADDITIONAL_DEFINITIONS];

/** The ids of the figures of section I, in the resolution's order (the first METRIC_DEFINITIONS). */
export const SECTION_1_METRIC_IDS: readonly string[] = SECTION_1_DEFINITIONS.map((d) => d.id);

/** The ids of the report's additional figures (after section I), in their order. */
export const ADDITIONAL_METRIC_IDS: readonly string[] = ADDITIONAL_DEFINITIONS.map((d) => d.id);

const BY_ID = new Map(METRIC_DEFINITIONS.map((d) => [d.id, d]));

/** The definition of a metric id (throws on an unknown id). */
export function metricDefinition(id: string): MetricDefinition {
  const def = BY_ID.get(id);
  if (!def) throw new Error(`Unknown metric ${id}`);
  return def;
}

/** Percent of count over base, rounded half up to `decimals` (null without a base or with a zero base). */
export function metricPercent(count: number, base: number | null, decimals = 1): number | null {
  if (base === null || base === 0) return null;
  const factor = 10 ** decimals;
  // integers first, so that 0.5 steps are exact: round(100 * count * factor / base)
  const scaled = (100 * count * factor) / base;
  return Math.floor(scaled + 0.5 + 1e-9) / factor;
}

/**
 * The filter a numerator applies to the population: the base's filter (when the base is the population) and its own
 * (for an unfilled numerator, the members its filter selects are subtracted from the base).
 */
export function numeratorFilter(def: MetricDefinition): MetricFilter {
  const baseFilter = def.base?.of === 'population' ? (def.base.filter ?? {}) : {};
  return { ...baseFilter, ...(def.numerator.filter ?? {}) };
}

// ---- in-memory evaluation (the generator's tests; a reference for the SQL compiler) ----

/** What a person's filters look at, on the reference date. */
export interface MetricPersonFacts {
  gender: Gender;
  birthDate: string;
  ethnicityCode: string | null;
  /** the QUALIFICATION level in force (null: none) */
  qualification: string | null;
  /** the POLITICAL_THEORY level in force (null: none) */
  politicalTheory: string | null;
  /** the fields of study (`value.field`) of the QUALIFICATION records obtained by the reference date (default none) */
  qualificationFields?: readonly string[];
}

/** Everything in force on the reference date (current knowledge), as plain rows. */
export interface MetricFacts {
  asOf: string;
  units: { id: string; kind: UnitKind }[];
  people: ReadonlyMap<string, MetricPersonFacts>;
  assignments: { personId: string; unitId: string; staffCategory: StaffCategory }[];
  committeeSeats: { personId: string; unitId: string; committee: CommitteeKind }[];
  titleSeats: { personId: string; unitId: string; titleCode: string }[];
  establishment: {
    unitId: string;
    itemKind: 'HEADCOUNT' | 'COMMITTEE_SEATS' | 'TITLE_SEATS' | 'SPECIALISTS';
    staffCategory?: StaffCategory | null;
    committee?: CommitteeKind | null;
    titleCode?: string | null;
    field?: ProfessionalField | null;
    value: number;
  }[];
  /** equivalence class per title code */
  titleClasses: ReadonlyMap<string, string>;
  /** the title codes of the key-leadership rule in force (default: KEY_LEADERSHIP_TITLES_DEFAULT) */
  keyLeadershipTitleCodes?: readonly string[];
  /** the age band rule in force (default: AGE_BAND_RULES) */
  youngUnderAge?: number;
}

/** Whether a person matches a filter on a reference date. */
export function matchesMetricFilter(p: MetricPersonFacts, filter: MetricFilter, asOf: string, youngUnderAge = AGE_BAND_RULES.youngUnderAge): boolean {
  if (filter.gender && p.gender !== filter.gender) return false;
  if (filter.young !== undefined && p.birthDate > youngBirthCutoff(asOf, youngUnderAge) !== filter.young) return false;
  // an unrecorded ethnicity is neither minority nor Kinh
  if (filter.minority !== undefined && !(filter.minority ? isEthnicMinority(p.ethnicityCode) : p.ethnicityCode === KINH_ETHNICITY_CODE)) {
    return false;
  }
  const recorded = p.qualification !== null && p.qualification !== QualificationLevel.NOT_RECORDED;
  if (filter.qualificationRecorded !== undefined && recorded !== filter.qualificationRecorded) return false;
  if (filter.qualification && !(p.qualification !== null && (filter.qualification as string[]).includes(p.qualification))) return false;
  if (filter.politicalTheory) {
    const levels: string[] = politicalTheoryLevelsCountingAs(filter.politicalTheory);
    if (p.politicalTheory === null || !levels.includes(p.politicalTheory)) return false;
  }
  if (filter.specialistField) {
    const names = specialistStudyNames(filter.specialistField);
    if (!(p.qualificationFields ?? []).some((f) => names.includes(foldForSearch(f)))) return false;
  }
  return true;
}

/** The title codes a selector names, given the catalogue's classes and the key-leadership rule. */
export function selectedTitleCodes(selector: TitleSelector, facts: Pick<MetricFacts, 'titleClasses' | 'keyLeadershipTitleCodes'>): string[] {
  if ('codes' in selector) return [...selector.codes];
  if ('rule' in selector) return [...(facts.keyLeadershipTitleCodes ?? KEY_LEADERSHIP_TITLES_DEFAULT.value.titleCodes)];
  return [...facts.titleClasses].filter(([, cls]) => cls === selector.equivalenceClass).map(([code]) => code);
}

/** Evaluates a definition over in-memory facts (the same meaning as MetricService's SQL). */
export function evaluateMetric(def: MetricDefinition, facts: MetricFacts): MetricValue {
  const communeUnits = new Set(facts.units.filter((u) => COMMUNE_LEVEL_KINDS.includes(u.kind)).map((u) => u.id));
  const young = facts.youngUnderAge ?? AGE_BAND_RULES.youngUnderAge;
  const pop = def.population;
  if (pop.of === 'units') return { id: def.id, count: communeUnits.size, base: null };

  // the population: one person id per member (people), or one holder per seat held (seats)
  let members: string[];
  if (pop.of === 'staff') {
    const ids = new Set(
      facts.assignments.filter((a) => communeUnits.has(a.unitId) && pop.categories.includes(a.staffCategory)).map((a) => a.personId),
    );
    members = [...ids];
  } else if (pop.of === 'committee') {
    members = facts.committeeSeats.filter((s) => communeUnits.has(s.unitId) && s.committee === pop.committee).map((s) => s.personId);
  } else {
    const codes = new Set(selectedTitleCodes(pop.titles, facts));
    members = facts.titleSeats.filter((s) => communeUnits.has(s.unitId) && codes.has(s.titleCode)).map((s) => s.personId);
  }
  const person = (id: string) => {
    const p = facts.people.get(id);
    if (!p) throw new Error(`No facts for person ${id}`);
    return p;
  };
  const countMatching = (filter: MetricFilter) => members.filter((id) => matchesMetricFilter(person(id), filter, facts.asOf, young)).length;

  let base: number | null = null;
  const b = def.base;
  if (b) {
    if (b.of === 'population') base = countMatching(b.filter ?? {});
    else {
      const rows = facts.establishment.filter((e) => communeUnits.has(e.unitId));
      if (b.of === 'approvedPosts') {
        base = rows.filter((e) => e.itemKind === 'HEADCOUNT' && e.staffCategory && b.categories.includes(e.staffCategory)).reduce((s, e) => s + e.value, 0);
      } else if (b.of === 'plannedSeats') {
        base = rows.filter((e) => e.itemKind === 'COMMITTEE_SEATS' && e.committee === b.committee).reduce((s, e) => s + e.value, 0);
      } else if (b.of === 'specialistPosts') {
        base = rows.filter((e) => e.itemKind === 'SPECIALISTS' && e.field === b.field).reduce((s, e) => s + e.value, 0);
      } else {
        const codes = new Set(selectedTitleCodes(b.titles, facts));
        base = rows.filter((e) => e.itemKind === 'TITLE_SEATS' && e.titleCode && codes.has(e.titleCode)).reduce((s, e) => s + e.value, 0);
      }
    }
  }
  const count = def.numerator.of === 'unfilled' ? (base ?? 0) - countMatching(numeratorFilter(def)) : countMatching(numeratorFilter(def));
  return { id: def.id, count, base };
}
