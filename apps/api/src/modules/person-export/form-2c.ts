import {
  COMMITTEE_KIND_LABELS,
  CommitteeKind,
  ethnicGroupName,
  dayBefore,
  FAMILY_RELATION_LABELS,
  FamilyRelation,
  GENDER_LABELS,
  label,
  MASK,
  normalizeText,
  PersonEntryKind,
  PersonRecordKind,
  POLITICAL_THEORY_LEVEL_LABELS,
  PoliticalTheoryLevel,
  QUALIFICATION_LEVEL_LABELS,
  QualificationLevel,
  STAFF_CATEGORY_LABELS,
  TRAINING_KIND_LABELS,
  TrainingKind,
} from '@canbo/shared';
import PDFDocument from 'pdfkit';
import type { PersonAssignmentEntity, PersonEntity } from '../person/person.entity';
import type { PersonEntryEntity, PersonRecordEntity } from '../person/person-record.entity';
import { pdfFontFiles, PDF_FONTS } from '../../core/pdf/fonts';

/**
 * Form 2C-BNV/2008 "Sơ yếu lý lịch cán bộ, công chức" (Quyết định 02/2008/QĐ-BNV of the Minister of Home Affairs):
 * the data of one person as the form lays it out (buildForm2CData, no database), and its printable A4 PDF with the
 * DejaVu fonts embedded (renderForm2C). What the personal file does not record is left as a dotted line to be
 * completed by hand, as on the paper form.
 */

export interface FamilyRow {
  relation: string;
  name: string;
  birthYear: string;
  /** quê quán, nghề nghiệp, chức danh, chức vụ, đơn vị công tác, học tập, nơi ở */
  details: string;
}

export interface TrainingRow {
  school: string;
  field: string;
  period: string;
  form: string;
  certificate: string;
}

export interface Form2CData {
  /** ISO date the form was printed */
  printedOn: string;
  managingUnit: string | null;
  employingBody: string | null;
  fullName: string;
  otherNames: string | null;
  /** ISO date */
  birthDate: string;
  gender: string;
  birthPlace: string | null;
  hometown: string | null;
  /** the sensitive values below are MASK without personnel.read_sensitive */
  ethnicity: string | null;
  religion: string | null;
  permanentResidence: string | null;
  currentResidence: string | null;
  phone: string | null;
  email: string | null;
  /** dd/mm/yyyy */
  enteredCivilServiceOn: string | null;
  currentTitles: string | null;
  mainWork: string | null;
  rank: { name: string | null; code: string | null; step: string | null; since: string | null } | null;
  qualification: string | null;
  politicalTheory: string | null;
  stateManagement: string | null;
  foreignLanguages: string | null;
  it: string | null;
  partyJoinedOn: string | null;
  partyConfirmedOn: string | null;
  commendations: string | null;
  discipline: string | null;
  healthStatus: string | null;
  nationalId: string | null;
  training: TrainingRow[];
  career: { period: string; text: string }[];
  /** null: masked (family relations are sensitive as a whole) */
  family: { own: FamilyRow[]; spouse: FamilyRow[] } | null;
  salary: { since: string; rank: string; coefficient: string }[];
  /** whether sensitive parts were masked */
  masked: boolean;
}

/** dd/mm/yyyy of an ISO date. */
export function vnDate(iso: string | null | undefined): string | null {
  if (!iso) return null;
  const [y, m, d] = iso.slice(0, 10).split('-');
  return `${d}/${m}/${y}`;
}

/** mm/yyyy of an ISO date. */
function monthYear(iso: string): string {
  const [y, m] = iso.slice(0, 10).split('-');
  return `${m}/${y}`;
}

/** "mm/yyyy – mm/yyyy" of a period [from, to) (to exclusive; open: "nay"). */
export function periodText(from: string, to: string | null): string {
  return `${monthYear(from)} – ${to ? monthYear(dayBefore(to)) : 'nay'}`;
}

const OWN_FAMILY: FamilyRelation[] = [FamilyRelation.FATHER, FamilyRelation.MOTHER, FamilyRelation.SPOUSE, FamilyRelation.CHILD, FamilyRelation.SIBLING];
const SPOUSE_FAMILY: FamilyRelation[] = [FamilyRelation.SPOUSE_FATHER, FamilyRelation.SPOUSE_MOTHER, FamilyRelation.SPOUSE_SIBLING];
const RELATION_ORDER = [...OWN_FAMILY, ...SPOUSE_FAMILY];

const TRAINING_RECORD_KINDS = new Set([
  PersonRecordKind.QUALIFICATION,
  PersonRecordKind.POLITICAL_THEORY,
  PersonRecordKind.STATE_MANAGEMENT,
  PersonRecordKind.IT,
  PersonRecordKind.FOREIGN_LANGUAGE,
]);

const str = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');
const inForce = (r: { validFrom: string; validTo: string | null }, on: string) => r.validFrom <= on && (!r.validTo || r.validTo > on);
const nonEmpty = (s: string | null | undefined): string | null => (s && s.trim() ? s : null);

/** The level of a qualification-like record in words. */
function levelText(r: PersonRecordEntity): string {
  if (r.kind === PersonRecordKind.QUALIFICATION) return label(QUALIFICATION_LEVEL_LABELS, r.level as QualificationLevel);
  if (r.kind === PersonRecordKind.POLITICAL_THEORY) return label(POLITICAL_THEORY_LEVEL_LABELS, r.level as PoliticalTheoryLevel);
  if (r.kind === PersonRecordKind.FOREIGN_LANGUAGE) return [str(r.value.language), r.level].filter(Boolean).join(' ');
  return r.level ?? '';
}

export interface Form2CSource {
  /** the person with the assignment in force today (PersonService.get) */
  person: PersonEntity;
  /** current knowledge (not superseded), every period */
  assignments: PersonAssignmentEntity[];
  records: PersonRecordEntity[];
  entries: PersonEntryEntity[];
  unitNames: Map<string, string>;
  titleNames: Map<string, string>;
  sensitive: boolean;
  /** ISO date: the file "as it stands today" */
  today: string;
}

/** Fills the form from the personal file; sensitive parts are MASK without the permission. */
export function buildForm2CData(src: Form2CSource): Form2CData {
  const { person: p, sensitive, today } = src;
  const secret = (value: string | null): string | null => (sensitive ? value : MASK);
  const unitName = (id: string | null) => (id ? (src.unitNames.get(id) ?? '') : '');
  const byStart = <T extends { validFrom: string }>(xs: T[]) => [...xs].sort((a, b) => a.validFrom.localeCompare(b.validFrom));
  const recordsOf = (kind: PersonRecordKind) => src.records.filter((r) => r.kind === kind);
  const latestInForce = (kind: PersonRecordKind) =>
    recordsOf(kind)
      .filter((r) => inForce(r, today))
      .sort((a, b) => b.validFrom.localeCompare(a.validFrom))[0] ?? null;

  // 12) titles and committee memberships in force today
  const titlesNow = recordsOf(PersonRecordKind.TITLE)
    .filter((r) => inForce(r, today))
    .map((r) => src.titleNames.get(r.titleId ?? '') ?? '')
    .filter(Boolean);
  const committeesNow = recordsOf(PersonRecordKind.COMMITTEE)
    .filter((r) => inForce(r, today))
    .map((r) => `Ủy viên ${label(COMMITTEE_KIND_LABELS, r.committee as CommitteeKind)} nhiệm kỳ ${r.term}`);

  const rankNow = latestInForce(PersonRecordKind.CIVIL_SERVICE_RANK);
  const qualification = latestInForce(PersonRecordKind.QUALIFICATION);
  const theory = latestInForce(PersonRecordKind.POLITICAL_THEORY);
  const stateManagement = latestInForce(PersonRecordKind.STATE_MANAGEMENT);
  const it = latestInForce(PersonRecordKind.IT);
  const languages = recordsOf(PersonRecordKind.FOREIGN_LANGUAGE).filter((r) => inForce(r, today));

  const entriesOf = (kind: PersonEntryKind) => src.entries.filter((e) => e.kind === kind);
  const decisions = (kind: PersonEntryKind) =>
    entriesOf(kind)
      .sort((a, b) => (b.dateFrom ?? '').localeCompare(a.dateFrom ?? ''))
      .map((e) => `${str(e.value.measure)}${e.dateFrom ? ` (${e.dateFrom.slice(0, 4)})` : ''}`)
      .join('; ');

  // 27) training: degrees and levels (records) and courses (entries), oldest first
  const training: (TrainingRow & { sort: string })[] = [
    ...src.records
      .filter((r) => TRAINING_RECORD_KINDS.has(r.kind))
      .map((r) => ({
        sort: str(r.value.year) || r.validFrom.slice(0, 4),
        school: str(r.value.institution),
        field:
          r.kind === PersonRecordKind.QUALIFICATION
            ? str(r.value.field)
            : r.kind === PersonRecordKind.FOREIGN_LANGUAGE
              ? `Ngoại ngữ: ${str(r.value.language)}`
              : r.kind === PersonRecordKind.POLITICAL_THEORY
                ? 'Lý luận chính trị'
                : r.kind === PersonRecordKind.STATE_MANAGEMENT
                  ? 'Quản lý nhà nước'
                  : 'Tin học',
        period: r.value.year ? `Năm ${str(r.value.year)}` : '',
        form: '',
        certificate: levelText(r),
      })),
    ...entriesOf(PersonEntryKind.TRAINING).map((e) => ({
      sort: e.dateFrom ?? '',
      school: str(e.value.text),
      field: str(e.value.course),
      period: e.dateFrom ? `${monthYear(e.dateFrom)} – ${e.dateTo ? monthYear(e.dateTo) : ''}`.trim() : '',
      form: e.value.trainingKind ? label(TRAINING_KIND_LABELS, e.value.trainingKind as TrainingKind) : '',
      certificate: str(e.value.certificate),
    })),
  ].sort((a, b) => a.sort.localeCompare(b.sort));

  // 28) career: assignments, titles and committee memberships, by start, as the file stands today: periods that
  // start later are left out, one still running today reads "– nay", and a title whose period and name repeat an
  // assignment's (its job position) is not written twice
  const started = <R extends { validFrom: string }>(r: R) => r.validFrom <= today;
  const periodToday = (from: string, to: string | null) => periodText(from, to && to <= today ? to : null);
  const assignmentsShown = byStart(src.assignments).filter(started);
  const repeatsAssignment = (r: PersonRecordEntity) =>
    assignmentsShown.some(
      (a) =>
        a.validFrom === r.validFrom &&
        (a.validTo ?? null) === (r.validTo ?? null) &&
        normalizeText(a.jobPosition).toLocaleLowerCase('vi') === normalizeText(src.titleNames.get(r.titleId ?? '') ?? '').toLocaleLowerCase('vi'),
    );
  const career = [
    ...assignmentsShown.map((a) => ({
      from: a.validFrom,
      order: 0,
      period: periodToday(a.validFrom, a.validTo),
      text: [
        a.jobPosition,
        a.bodyName,
        a.unitName,
        `(${label(STAFF_CATEGORY_LABELS, a.staffCategory)}${a.secondedToUnitName ? `, biệt phái đến ${a.secondedToUnitName}` : ''})`,
      ]
        .filter(Boolean)
        .join(', ')
        .replace(', (', ' ('),
    })),
    ...recordsOf(PersonRecordKind.TITLE)
      .filter((r) => started(r) && !repeatsAssignment(r))
      .map((r) => ({
        from: r.validFrom,
        order: 1,
        period: periodToday(r.validFrom, r.validTo),
        text: [src.titleNames.get(r.titleId ?? ''), unitName(r.unitId)].filter(Boolean).join(', '),
      })),
    ...recordsOf(PersonRecordKind.COMMITTEE)
      .filter(started)
      .map((r) => ({
        from: r.validFrom,
        order: 2,
        period: periodToday(r.validFrom, r.validTo),
        text: `Ủy viên ${label(COMMITTEE_KIND_LABELS, r.committee as CommitteeKind)} ${unitName(r.unitId)}, nhiệm kỳ ${r.term}`,
      })),
  ]
    .sort((a, b) => a.from.localeCompare(b.from) || a.order - b.order)
    .map(({ period, text }) => ({ period, text }));

  // 30) family (sensitive as a whole)
  const familyRow = (e: PersonEntryEntity): FamilyRow => ({
    relation: label(FAMILY_RELATION_LABELS, e.value.relation as FamilyRelation),
    name: str(e.value.relativeName),
    birthYear: e.year ? String(e.year) : '',
    details: [str(e.value.occupation), str(e.value.residence), str(e.value.text)].filter(Boolean).join('; '),
  });
  const relatives = entriesOf(PersonEntryKind.FAMILY).sort(
    (a, b) =>
      RELATION_ORDER.indexOf(a.value.relation as FamilyRelation) - RELATION_ORDER.indexOf(b.value.relation as FamilyRelation) ||
      (a.year ?? 0) - (b.year ?? 0),
  );
  const family = sensitive
    ? {
        own: relatives.filter((e) => OWN_FAMILY.includes(e.value.relation as FamilyRelation)).map(familyRow),
        spouse: relatives.filter((e) => SPOUSE_FAMILY.includes(e.value.relation as FamilyRelation)).map(familyRow),
      }
    : null;

  // 31) salary: the rank records, oldest first
  const salary = byStart(recordsOf(PersonRecordKind.CIVIL_SERVICE_RANK)).map((r) => ({
    since: monthYear(r.validFrom),
    rank: [r.level, str(r.value.salaryStep)].filter(Boolean).join('/'),
    // the personal file does not record the salary coefficient: left to complete by hand
    coefficient: '',
  }));

  const assignment = p.assignment ?? null;
  return {
    printedOn: today,
    managingUnit: assignment?.unitName ?? null,
    employingBody: assignment ? (assignment.bodyName ?? assignment.unitName ?? null) : null,
    fullName: p.fullName,
    otherNames: p.otherNames,
    birthDate: p.birthDate,
    gender: label(GENDER_LABELS, p.gender),
    birthPlace: p.birthPlace,
    hometown: p.hometown,
    ethnicity: secret(p.ethnicityCode ? (ethnicGroupName(p.ethnicityCode) ?? p.ethnicityCode) : null),
    religion: secret(p.religion),
    permanentResidence: p.permanentResidence,
    currentResidence: p.currentResidence,
    phone: p.phone,
    email: p.email,
    enteredCivilServiceOn: vnDate(p.enteredCivilServiceOn),
    currentTitles: nonEmpty([...titlesNow, ...committeesNow].join('; ')),
    mainWork: assignment?.jobPosition ?? null,
    rank: rankNow
      ? {
          name: nonEmpty(str(rankNow.value.rankName)),
          code: rankNow.level,
          step: nonEmpty(str(rankNow.value.salaryStep)),
          since: vnDate(rankNow.validFrom),
        }
      : null,
    qualification: qualification ? [levelText(qualification), str(qualification.value.field)].filter(Boolean).join(', chuyên ngành ') : null,
    politicalTheory: theory ? levelText(theory) : null,
    stateManagement: stateManagement ? levelText(stateManagement) : null,
    foreignLanguages: nonEmpty(languages.map(levelText).join('; ')),
    it: it ? levelText(it) : null,
    partyJoinedOn: secret(vnDate(p.partyJoinedOn)),
    partyConfirmedOn: secret(vnDate(p.partyConfirmedOn)),
    commendations: nonEmpty(decisions(PersonEntryKind.COMMENDATION)),
    discipline: nonEmpty(decisions(PersonEntryKind.DISCIPLINE)),
    healthStatus: secret(p.healthStatus),
    nationalId: secret(p.nationalId),
    training: training.map(({ sort: _sort, ...row }) => row),
    career,
    family,
    salary,
    masked: !sensitive,
  };
}

// ---- the PDF ----

const FORM_FONTS = PDF_FONTS;
const fonts = pdfFontFiles;

const MARGIN = { top: 45, bottom: 50, left: 57, right: 42 };
const BODY_SIZE = 10.5;
const TABLE_SIZE = 9;
const DOTS = '.'.repeat(60);
const SHORT_DOTS = '.'.repeat(20);

type Run = { text: string; style?: 'regular' | 'bold' | 'italic' };
const nfc = (s: string) => s.normalize('NFC');

/** A filled value (bold) or the dotted line to complete by hand. */
const val = (v: string | null | undefined, dots = DOTS): Run => (v && v.trim() ? { text: v, style: 'bold' } : { text: dots });
const lbl = (text: string): Run => ({ text });

export interface RenderOptions {
  /** compress the page streams (default true); false makes the text readable in the raw bytes */
  compress?: boolean;
}

/** The form as a PDFKit document (a readable stream): pipe it somewhere, it is already ended. */
export function renderForm2C(data: Form2CData, options: RenderOptions = {}): PDFKit.PDFDocument {
  const doc = new PDFDocument({
    size: 'A4',
    margins: MARGIN,
    compress: options.compress ?? true,
    bufferPages: true,
    font: FORM_FONTS.regular, // the initial font (never drawn with: the registered ones below are)
    lang: 'vi-VN',
    displayTitle: true,
    info: {
      Title: nfc(`Sơ yếu lý lịch - ${data.fullName}`),
      Subject: 'Mẫu 2C-BNV/2008',
      Author: 'canbo',
      Creator: 'canbo',
    },
  });
  const files = fonts();
  doc.registerFont('regular', files.regular);
  doc.registerFont('bold', files.bold);
  doc.registerFont('italic', files.italic);
  doc.font('regular').fontSize(BODY_SIZE);
  doc.lineGap(2);

  const left = MARGIN.left;
  const width = doc.page.width - MARGIN.left - MARGIN.right;

  /** Writes runs as one paragraph at (x, current y) wrapped to w. */
  const para = (runs: Run[], x = left, w = width, opts: PDFKit.Mixins.TextOptions = {}) => {
    runs.forEach((r, i) => {
      doc.font(r.style ?? 'regular');
      const continued = i < runs.length - 1;
      if (i === 0) doc.text(nfc(r.text), x, doc.y, { width: w, continued, ...opts });
      else doc.text(nfc(r.text), { continued });
    });
    doc.font('regular');
  };

  // ---- header: managing and employing units; the form's reference ----
  const top = doc.y;
  doc.fontSize(BODY_SIZE - 1);
  para([lbl('Cơ quan, đơn vị có thẩm quyền quản lý CBCC: '), val(data.managingUnit, SHORT_DOTS)], left, 270);
  para([lbl('Cơ quan, đơn vị sử dụng CBCC: '), val(data.employingBody, SHORT_DOTS)], left, 270);
  const leftBottom = doc.y;
  doc.y = top;
  doc.fontSize(8.5);
  para([{ text: 'Mẫu 2C-BNV/2008 ban hành kèm theo Quyết định số 02/2008/QĐ-BNV ngày 06/10/2008 của Bộ trưởng Bộ Nội vụ', style: 'italic' }], left + 290, width - 290, { align: 'center' });
  doc.moveDown(0.3);
  doc.fontSize(BODY_SIZE - 1);
  para([lbl('Số hiệu cán bộ, công chức: '), val(null, SHORT_DOTS)], left + 290, width - 290, { align: 'center' });
  doc.y = Math.max(leftBottom, doc.y) + 14;
  doc.fontSize(BODY_SIZE);

  // ---- the photograph, the title and the first items beside it ----
  const photo = { x: left, y: doc.y, w: 100, h: 133 };
  doc.rect(photo.x, photo.y, photo.w, photo.h).lineWidth(0.7).stroke();
  doc.fontSize(9).text(nfc('Ảnh màu\n(4 x 6 cm)'), photo.x, photo.y + photo.h / 2 - 12, { width: photo.w, align: 'center' });
  const besideX = photo.x + photo.w + 14;
  const besideW = width - photo.w - 14;
  doc.y = photo.y;
  doc.font('bold').fontSize(14).text(nfc('SƠ YẾU LÝ LỊCH CÁN BỘ, CÔNG CHỨC'), besideX, doc.y, { width: besideW, align: 'center' });
  doc.moveDown(0.6);
  doc.font('regular').fontSize(BODY_SIZE);
  const photoBottom = photo.y + photo.h;
  /** One item: beside the photograph while there is room, then the full width. */
  const item = (runs: Run[]) => {
    if (doc.y < photoBottom) para(runs, besideX, besideW);
    else para(runs);
    doc.moveDown(0.15);
  };

  const [by, bm, bd] = data.birthDate.split('-');
  item([lbl('1) Họ và tên khai sinh (viết chữ in hoa): '), val(data.fullName.toLocaleUpperCase('vi-VN'))]);
  item([lbl('2) Tên gọi khác: '), val(data.otherNames)]);
  item([lbl('3) Sinh ngày: '), val(bd), lbl(' tháng '), val(bm), lbl(' năm '), val(by), lbl(', Giới tính (nam, nữ): '), val(data.gender)]);
  item([lbl('4) Nơi sinh: '), val(data.birthPlace)]);
  item([lbl('5) Quê quán: '), val(data.hometown)]);
  item([lbl('6) Dân tộc: '), val(data.ethnicity, SHORT_DOTS), lbl(', 7) Tôn giáo: '), val(data.religion, SHORT_DOTS)]);
  if (doc.y < photoBottom + 4) doc.y = photoBottom + 6;
  item([lbl('8) Nơi đăng ký hộ khẩu thường trú: '), val(data.permanentResidence)]);
  item([lbl('9) Nơi ở hiện nay: '), val(data.currentResidence), lbl('; Điện thoại: '), val(data.phone, SHORT_DOTS), ...(data.email ? [lbl('; Thư điện tử: '), val(data.email)] : [])]);
  item([lbl('10) Nghề nghiệp khi được tuyển dụng: '), val(null)]);
  item([lbl('11) Ngày tuyển dụng: '), val(data.enteredCivilServiceOn, SHORT_DOTS), lbl(', Vào cơ quan nào, ở đâu: '), val(null, SHORT_DOTS)]);
  item([lbl('12) Chức vụ (chức danh) hiện tại: '), val(data.currentTitles)]);
  item([lbl('13) Công việc chính được giao: '), val(data.mainWork)]);
  item([
    lbl('14) Ngạch công chức (viên chức): '),
    val(data.rank?.name, SHORT_DOTS),
    lbl(', Mã ngạch: '),
    val(data.rank?.code, '..........'),
    lbl(', Bậc lương: '),
    val(data.rank?.step, '.....'),
    lbl(', Hệ số: '),
    val(null, '.......'),
    lbl(', Ngày hưởng: '),
    val(data.rank?.since, '....../....../......'),
    lbl(', Phụ cấp chức vụ: '),
    val(null, '.......'),
    lbl(', Phụ cấp khác: '),
    val(null, '.......'),
  ]);
  item([lbl('15.1- Trình độ giáo dục phổ thông (đã tốt nghiệp lớp mấy/thuộc hệ nào): '), val(null, SHORT_DOTS)]);
  item([lbl('15.2- Trình độ chuyên môn cao nhất: '), val(data.qualification)]);
  item([lbl('15.3- Lý luận chính trị: '), val(data.politicalTheory, SHORT_DOTS), lbl('   15.4- Quản lý nhà nước: '), val(data.stateManagement, SHORT_DOTS)]);
  item([lbl('15.5- Ngoại ngữ: '), val(data.foreignLanguages, SHORT_DOTS), lbl('   15.6- Tin học: '), val(data.it, SHORT_DOTS)]);
  item([lbl('16) Ngày vào Đảng Cộng sản Việt Nam: '), val(data.partyJoinedOn, '....../....../......'), lbl(', Ngày chính thức: '), val(data.partyConfirmedOn, '....../....../......')]);
  item([lbl('17) Ngày tham gia tổ chức chính trị - xã hội: '), val(null)]);
  item([lbl('18) Ngày nhập ngũ: '), val(null, '....../....../......'), lbl(', Ngày xuất ngũ: '), val(null, '....../....../......'), lbl(', Quân hàm cao nhất: '), val(null, SHORT_DOTS)]);
  item([lbl('19) Danh hiệu được phong tặng cao nhất: '), val(null)]);
  item([lbl('20) Sở trường công tác: '), val(null)]);
  item([lbl('21) Khen thưởng: '), val(data.commendations)]);
  item([lbl('22) Kỷ luật: '), val(data.discipline)]);
  item([lbl('23) Tình trạng sức khỏe: '), val(data.healthStatus, SHORT_DOTS), lbl(', Chiều cao: '), val(null, '.......'), lbl(', Cân nặng: '), val(null, '.......'), lbl(' (kg), Nhóm máu: '), val(null, '.......')]);
  item([lbl('24) Là thương binh hạng: '), val(null, '....../......'), lbl(', Là con gia đình chính sách: '), val(null, SHORT_DOTS)]);
  item([lbl('25) Số căn cước công dân (số định danh cá nhân): '), val(data.nationalId, SHORT_DOTS), lbl(', Ngày cấp: '), val(null, '....../....../......')]);
  item([lbl('26) Số sổ BHXH: '), val(null, SHORT_DOTS)]);

  // ---- the tables ----
  /** A new page unless `height` points are left (a heading stays with the start of its table). */
  const ensureRoom = (height: number) => {
    if (doc.y > doc.page.height - MARGIN.bottom - height) doc.addPage();
  };
  const heading = (text: string) => {
    doc.moveDown(0.6);
    ensureRoom(110);
    doc.font('bold').fontSize(BODY_SIZE).text(nfc(text), left, doc.y, { width, align: 'center' });
    doc.font('regular').moveDown(0.3);
  };
  const table = (widths: number[], headers: string[], rows: string[][], blankRows = 2) => {
    const body = rows.length ? rows : Array.from({ length: blankRows }, () => widths.map(() => ''));
    doc.fontSize(TABLE_SIZE);
    doc.table({
      position: { x: left, y: doc.y },
      columnStyles: widths,
      defaultStyle: { padding: [3, 4, 3, 4], border: 0.6 } as PDFKit.Mixins.CellStyle,
      rowStyles: (i: number) => (i === 0 ? { backgroundColor: '#eeeeee', align: { x: 'center', y: 'center' } } : { minHeight: 16 }),
      data: [
        headers.map((h) => ({ text: nfc(h), type: 'TH' as const, font: { src: 'bold' } })),
        ...body.map((r) => r.map((c) => nfc(c))),
      ],
    });
    doc.x = left;
    doc.fontSize(BODY_SIZE);
  };
  const w = (fractions: number[]) => fractions.map((f) => Math.floor(width * f));

  heading('27) ĐÀO TẠO, BỒI DƯỠNG VỀ CHUYÊN MÔN, NGHIỆP VỤ, LÝ LUẬN CHÍNH TRỊ, NGOẠI NGỮ, TIN HỌC');
  table(
    w([0.24, 0.24, 0.16, 0.14, 0.22]),
    ['Tên trường', 'Chuyên ngành đào tạo, bồi dưỡng', 'Từ tháng, năm - đến tháng, năm', 'Hình thức đào tạo', 'Văn bằng, chứng chỉ, trình độ gì'],
    data.training.map((r) => [r.school, r.field, r.period, r.form, r.certificate]),
  );
  doc.fontSize(8).font('italic').text(
    nfc('Ghi chú: Hình thức đào tạo: chính quy, tại chức, chuyên tu, bồi dưỡng...; Văn bằng: TSKH, TS, Ths, cử nhân, kỹ sư...'),
    left,
    doc.y + 3,
    { width },
  );
  doc.font('regular').fontSize(BODY_SIZE);

  heading('28) TÓM TẮT QUÁ TRÌNH CÔNG TÁC');
  table(
    w([0.22, 0.78]),
    ['Từ tháng, năm đến tháng, năm', 'Chức danh, chức vụ, đơn vị công tác (đảng, chính quyền, đoàn thể, tổ chức xã hội), kể cả thời gian được đào tạo, bồi dưỡng về chuyên môn, nghiệp vụ, ...'],
    data.career.map((c) => [c.period, c.text]),
  );

  heading('29) ĐẶC ĐIỂM LỊCH SỬ BẢN THÂN');
  para([lbl('- Khai rõ: bị bắt, bị tù (từ ngày tháng năm nào đến ngày tháng năm nào, ở đâu), đã khai báo cho ai, những vấn đề gì? Bản thân có làm việc trong chế độ cũ (cơ quan, đơn vị nào, địa điểm, chức danh, chức vụ, thời gian làm việc...): '), val(null)]);
  doc.moveDown(0.2);
  para([lbl('- Tham gia hoặc có quan hệ với các tổ chức chính trị, kinh tế, xã hội nào ở nước ngoài (làm gì, tổ chức nào, đặt trụ sở ở đâu...?): '), val(null)]);
  doc.moveDown(0.2);
  para([lbl('- Có thân nhân (cha, mẹ, vợ, chồng, con, anh chị em ruột) ở nước ngoài (làm gì, địa chỉ...)?: '), val(null)]);

  heading('30) QUAN HỆ GIA ĐÌNH');
  const familyWidths = w([0.16, 0.24, 0.1, 0.5]);
  const familyHeaders = ['Mối quan hệ', 'Họ và tên', 'Năm sinh', 'Quê quán, nghề nghiệp, chức danh, chức vụ, đơn vị công tác, học tập, nơi ở (trong, ngoài nước); thành viên các tổ chức chính trị - xã hội...'];
  const familyRows = (rows: FamilyRow[] | undefined) =>
    data.family ? (rows ?? []).map((r) => [r.relation, r.name, r.birthYear, r.details]) : [[MASK, MASK, MASK, MASK]];
  ensureRoom(100);
  para([{ text: 'a) Về bản thân: Cha, Mẹ, Vợ (hoặc chồng), các con, anh chị em ruột', style: 'bold' }]);
  doc.moveDown(0.2);
  table(familyWidths, familyHeaders, familyRows(data.family?.own), 3);
  doc.moveDown(0.4);
  ensureRoom(100);
  para([{ text: 'b) Về bên vợ (hoặc chồng): Cha, Mẹ, anh chị em ruột', style: 'bold' }]);
  doc.moveDown(0.2);
  table(familyWidths, familyHeaders, familyRows(data.family?.spouse), 3);
  if (!data.family) {
    doc.fontSize(8).font('italic').text(nfc('Quan hệ gia đình là thông tin nhạy cảm: cần quyền xem thông tin nhạy cảm.'), left, doc.y + 3, { width });
    doc.font('regular').fontSize(BODY_SIZE);
  }

  heading('31) DIỄN BIẾN QUÁ TRÌNH LƯƠNG CỦA CÁN BỘ, CÔNG CHỨC');
  // as on the paper form: one column per change, the rows "Tháng/năm", "Mã ngạch/bậc", "Hệ số lương"
  const perRow = 6;
  const salaryChunks = data.salary.length ? Array.from({ length: Math.ceil(data.salary.length / perRow) }, (_, i) => data.salary.slice(i * perRow, (i + 1) * perRow)) : [[]];
  for (const chunk of salaryChunks) {
    ensureRoom(70);
    const cells = Array.from({ length: perRow }, (_, i) => chunk[i] ?? { since: '', rank: '', coefficient: '' });
    const firstWidth = Math.floor(width * 0.16);
    const colWidth = Math.floor((width - firstWidth) / perRow);
    doc.fontSize(TABLE_SIZE);
    doc.table({
      position: { x: left, y: doc.y },
      columnStyles: [firstWidth, ...cells.map(() => colWidth)],
      defaultStyle: { padding: [3, 4, 3, 4], border: 0.6, align: { x: 'center', y: 'center' } } as PDFKit.Mixins.CellStyle,
      rowStyles: { minHeight: 16 },
      data: [
        [{ text: nfc('Tháng/năm'), font: { src: 'bold' } }, ...cells.map((c) => nfc(c.since))],
        [{ text: nfc('Mã ngạch/bậc'), font: { src: 'bold' } }, ...cells.map((c) => nfc(c.rank))],
        [{ text: nfc('Hệ số lương'), font: { src: 'bold' } }, ...cells.map((c) => nfc(c.coefficient))],
      ],
    });
    doc.x = left;
    doc.moveDown(0.3);
  }
  doc.fontSize(BODY_SIZE);

  heading('32) NHẬN XÉT, ĐÁNH GIÁ CỦA CƠ QUAN, ĐƠN VỊ QUẢN LÝ VÀ SỬ DỤNG CÁN BỘ, CÔNG CHỨC');
  for (let i = 0; i < 4; i++) doc.text('.'.repeat(118), left, doc.y, { width, lineBreak: false }).moveDown(0.4);

  // ---- signatures ----
  doc.moveDown(1);
  ensureRoom(130);
  const signY = doc.y;
  const half = width / 2;
  doc.font('bold').text(nfc('Người khai'), left, signY, { width: half, align: 'center' });
  doc.font('italic').fontSize(9).text(nfc('Tôi xin cam đoan những lời khai trên đây là đúng sự thật'), left, doc.y, { width: half, align: 'center' });
  doc.text(nfc('(Ký tên, ghi rõ họ tên)'), left, doc.y, { width: half, align: 'center' });
  doc.font('bold').fontSize(BODY_SIZE).text(nfc(data.fullName), left, doc.y + 60, { width: half, align: 'center' });
  const [py, pm, pd] = data.printedOn.split('-');
  doc.font('italic').fontSize(BODY_SIZE).text(nfc(`.........., Ngày ${pd} tháng ${pm} năm ${py}`), left + half, signY, { width: half, align: 'center' });
  doc.font('bold').text(nfc('Thủ trưởng cơ quan, đơn vị quản lý và sử dụng CBCC'), left + half, doc.y, { width: half, align: 'center' });
  doc.font('italic').fontSize(9).text(nfc('(Ký tên, đóng dấu)'), left + half, doc.y, { width: half, align: 'center' });

  // ---- footer on every page ----
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.font('italic').fontSize(7.5).fillColor('#555555');
    const note = `Sơ yếu lý lịch ${data.fullName} — in từ canbo ngày ${vnDate(data.printedOn)}${data.masked ? ' — thông tin nhạy cảm đã được che' : ''} — trang ${i - range.start + 1}/${range.count}`;
    doc.text(nfc(note), left, doc.page.height - 32, { width, align: 'center', lineBreak: false });
    doc.fillColor('black');
    doc.page.margins.bottom = bottom;
  }
  doc.flushPages();
  doc.end();
  return doc;
}
