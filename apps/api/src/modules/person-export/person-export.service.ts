import {
  ageOn,
  AGE_BAND_LABELS,
  COMMITTEE_KIND_LABELS,
  CommitteeKind,
  ethnicGroupName,
  GENDER_LABELS,
  isDateInRange,
  isValidIsoDate,
  label,
  PERMISSIONS,
  PERSON_STATUS_LABELS,
  PersonEntryKind,
  PersonRecordKind,
  POLITICAL_THEORY_LEVEL_LABELS,
  PoliticalTheoryLevel,
  QUALIFICATION_LEVEL_LABELS,
  QualificationLevel,
  STAFF_CATEGORY_LABELS,
  todayIso,
} from '@canbo/shared';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { plainToInstance } from 'class-transformer';
import { getMetadataStorage, validate } from 'class-validator';
import ExcelJS from 'exceljs';
import type { Writable } from 'node:stream';
import { DataSource, EntityManager, QueryRunner } from 'typeorm';
import { BadUserInputError } from '../../core/errors/app-errors';
import { Principal } from '../../core/permissions/principal';
import { Scope } from '../../core/permissions/scope';
import { toFieldErrors } from '../../core/validation/validation';
import { AuditService } from '../audit/audit.service';
import { PersonFilter } from '../person/dto/person.args';
import { PersonEntity } from '../person/person.entity';
import { PersonRecordEntity } from '../person/person-record.entity';
import { IN_FORCE, localSql } from '../person/person.sql';
import { PERSON_SENSITIVE_FIELDS, PersonListArgs, PersonService } from '../person/person.service';
import { TitleEntity } from '../title/title.entity';
import { BodyEntity } from '../unit/body.entity';
import { UnitEntity } from '../unit/unit.entity';
import { buildForm2CData, Form2CData } from './form-2c';
import { FILTER_PARAM_MAX_LENGTH, PersonExportErrors } from './person-export.errors';

/** Rows read (and written) per batch: bounded memory whatever the size of the list. */
export const EXPORT_BATCH_SIZE = 1000;
/** Exports one API process streams at a time (each holds a database connection while it runs). */
export const MAX_CONCURRENT_EXPORTS = 2;

export const DATE_FORMAT = 'dd/mm/yyyy';
const INTEGER_FORMAT = '#,##0';

/** Fields of PersonFilter (from its validation metadata, so a new filter is accepted here too). */
const FILTER_FIELDS = new Set(
  getMetadataStorage()
    .getTargetValidationMetadatas(PersonFilter, '', true, false)
    .map((m) => m.propertyName),
);

/**
 * The `filter` (JSON of a PersonFilter, as the GraphQL `persons` query takes it) and `asOf` (YYYY-MM-DD) query
 * parameters of an export, validated like the GraphQL arguments: BAD_USER_INPUT naming the field otherwise.
 */
export async function parseListQuery(filterParam: unknown, asOfParam: unknown): Promise<PersonListArgs> {
  let asOf: string | null = null;
  if (asOfParam !== undefined && asOfParam !== '') {
    if (typeof asOfParam !== 'string') throw PersonExportErrors.asOfNotText();
    if (!isValidIsoDate(asOfParam)) throw PersonExportErrors.asOfInvalid();
    if (!isDateInRange(asOfParam)) throw PersonExportErrors.asOfOutOfRange();
    asOf = asOfParam;
  }
  if (filterParam === undefined || filterParam === '') return { filter: null, asOf };
  if (typeof filterParam !== 'string') throw PersonExportErrors.filterNotText();
  if (filterParam.length > FILTER_PARAM_MAX_LENGTH) throw PersonExportErrors.filterTooLong();
  let plain: unknown;
  try {
    plain = JSON.parse(filterParam);
  } catch {
    throw PersonExportErrors.filterNotJson();
  }
  if (plain === null) return { filter: null, asOf };
  if (typeof plain !== 'object' || Array.isArray(plain)) throw PersonExportErrors.filterNotJson();
  const unknown = Object.keys(plain as object).find((k) => !FILTER_FIELDS.has(k));
  if (unknown) throw PersonExportErrors.unknownFilterField(unknown);
  const filter = plainToInstance(PersonFilter, plain);
  const errors = await validate(filter, { forbidUnknownValues: false, validationError: { target: false, value: false } });
  if (errors.length) throw new BadUserInputError(toFieldErrors(errors, 'filter'));
  return { filter, asOf };
}

/** A calendar date as Excel holds it (a date cell, shown through its number format). */
export function excelDate(iso: string | null | undefined): Date | undefined {
  if (!iso) return undefined;
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d));
}

/** A moment as Vietnamese wall-clock time (UTC+7, no daylight saving), for a date-time cell. */
function excelLocalTime(at: Date): Date {
  return new Date(at.getTime() + 7 * 3600_000);
}

/** What one row of the list shows beyond the person and their assignment: the records in force on asOf. */
interface RowFacts {
  titles: string[];
  committees: string[];
  qualification: string | null;
  field: string | null;
  politicalTheory: string | null;
  stateManagement: string | null;
  it: string | null;
  languages: string[];
  rankName: string | null;
  rankCode: string | null;
  salaryStep: number | null;
  isLocal: boolean | null;
}

interface ExportRow {
  index: number;
  person: PersonEntity;
  facts: RowFacts;
  asOf: string;
}

type CellValue = string | number | Date | undefined;

interface ExportColumn {
  header: string;
  width: number;
  numFmt?: string;
  sensitive?: boolean;
  value: (r: ExportRow) => CellValue;
}

const text = (v: string | null | undefined): string | undefined => (v ? v : undefined);
const joined = (xs: string[]): string | undefined => (xs.length ? xs.join('; ') : undefined);

/** The columns of the export, in order; sensitive ones only with personnel.read_sensitive. */
export const EXPORT_COLUMNS: readonly ExportColumn[] = [
  { header: 'STT', width: 7, numFmt: INTEGER_FORMAT, value: (r) => r.index },
  { header: 'Họ và tên', width: 26, value: (r) => r.person.fullName },
  { header: 'Tên gọi khác', width: 16, value: (r) => text(r.person.otherNames) },
  { header: 'Giới tính', width: 9, value: (r) => label(GENDER_LABELS, r.person.gender) },
  { header: 'Ngày sinh', width: 12, numFmt: DATE_FORMAT, value: (r) => excelDate(r.person.birthDate) },
  { header: 'Tuổi', width: 6, numFmt: '0', value: (r) => ageOn(r.person.birthDate, r.asOf) },
  { header: 'Số định danh cá nhân', width: 16, numFmt: '@', sensitive: true, value: (r) => text(r.person.nationalId) },
  { header: 'Dân tộc', width: 10, sensitive: true, value: (r) => (r.person.ethnicityCode ? (ethnicGroupName(r.person.ethnicityCode) ?? r.person.ethnicityCode) : undefined) },
  { header: 'Tôn giáo', width: 12, sensitive: true, value: (r) => text(r.person.religion) },
  { header: 'Đơn vị', width: 24, value: (r) => text(r.person.assignment?.unitName) },
  { header: 'Cơ quan, tổ chức', width: 30, value: (r) => text(r.person.assignment?.bodyName) },
  { header: 'Loại cán bộ', width: 14, value: (r) => (r.person.assignment ? label(STAFF_CATEGORY_LABELS, r.person.assignment.staffCategory) : undefined) },
  { header: 'Vị trí việc làm', width: 28, value: (r) => text(r.person.assignment?.jobPosition) },
  { header: 'Chức danh', width: 28, value: (r) => joined(r.facts.titles) },
  { header: 'Cấp ủy', width: 22, value: (r) => joined(r.facts.committees) },
  { header: 'Biệt phái đến', width: 20, value: (r) => text(r.person.assignment?.secondedToUnitName) },
  { header: 'Trình độ chuyên môn', width: 14, value: (r) => text(r.facts.qualification) },
  { header: 'Chuyên ngành', width: 20, value: (r) => text(r.facts.field) },
  { header: 'Lý luận chính trị', width: 14, value: (r) => text(r.facts.politicalTheory) },
  { header: 'Ngày vào Đảng', width: 12, numFmt: DATE_FORMAT, sensitive: true, value: (r) => excelDate(r.person.partyJoinedOn) },
  { header: 'Ngày chính thức', width: 12, numFmt: DATE_FORMAT, sensitive: true, value: (r) => excelDate(r.person.partyConfirmedOn) },
  { header: 'Số thẻ đảng viên', width: 14, numFmt: '@', sensitive: true, value: (r) => text(r.person.partyCardNumber) },
  { header: 'Quản lý nhà nước', width: 16, value: (r) => text(r.facts.stateManagement) },
  { header: 'Tin học', width: 14, value: (r) => text(r.facts.it) },
  { header: 'Ngoại ngữ', width: 16, value: (r) => joined(r.facts.languages) },
  { header: 'Ngạch', width: 18, value: (r) => text(r.facts.rankName) },
  { header: 'Mã ngạch', width: 10, numFmt: '@', value: (r) => text(r.facts.rankCode) },
  { header: 'Bậc lương', width: 8, numFmt: '0', value: (r) => r.facts.salaryStep ?? undefined },
  { header: 'Ngày bắt đầu công tác', width: 12, numFmt: DATE_FORMAT, value: (r) => excelDate(r.person.startedWorkOn) },
  { header: 'Ngày vào cơ quan nhà nước', width: 12, numFmt: DATE_FORMAT, value: (r) => excelDate(r.person.enteredCivilServiceOn) },
  { header: 'Tình trạng', width: 14, value: (r) => label(PERSON_STATUS_LABELS, r.person.status) },
  { header: 'Tình trạng sức khỏe', width: 14, sensitive: true, value: (r) => text(r.person.healthStatus) },
  { header: 'Nơi sinh', width: 24, value: (r) => text(r.person.birthPlace) },
  { header: 'Quê quán', width: 24, value: (r) => text(r.person.hometown) },
  { header: 'Nơi thường trú', width: 28, value: (r) => text(r.person.permanentResidence) },
  { header: 'Nơi ở hiện nay', width: 28, value: (r) => text(r.person.currentResidence) },
  { header: 'Người địa phương', width: 10, value: (r) => (r.facts.isLocal == null ? undefined : r.facts.isLocal ? 'Có' : 'Không') },
  { header: 'Điện thoại', width: 14, numFmt: '@', value: (r) => text(r.person.phone) },
  { header: 'Thư điện tử', width: 24, value: (r) => text(r.person.email) },
];

/** The columns a caller gets. */
export function exportColumns(canReadSensitive: boolean): ExportColumn[] {
  return EXPORT_COLUMNS.filter((c) => canReadSensitive || !c.sensitive);
}

/** The file name of an export: "Danh sách cán bộ - <unit> - dd-mm-yyyy.xlsx". */
export function exportFileName(asOf: string, unitName: string | null): string {
  const [y, m, d] = asOf.split('-');
  return ['Danh sách cán bộ', unitName, `${d}-${m}-${y}`].filter(Boolean).join(' - ') + '.xlsx';
}

export interface PreparedExport {
  /** how many persons the file holds */
  count: number;
  fileName: string;
  /** writes the workbook to `out` (ends it), reading from the snapshot the count came from; always releases it */
  write(out: Writable): Promise<void>;
  /** gives the database connection back without writing (when the answer cannot be sent) */
  release(): Promise<void>;
}

const isSensitive = (p: Principal) => p.has(PERMISSIONS.PERSONNEL_READ_SENSITIVE);

/**
 * Exports of the personal file: any filtered person list to XLSX (streamed, batch by batch, from one snapshot) and
 * one person's form 2C-BNV/2008 (see form-2c.ts). Reads go through PersonService, so scope and sensitive-data
 * rules are those of the GraphQL queries.
 */
@Injectable()
export class PersonExportService {
  private readonly logger = new Logger('PersonExport');
  private running = 0;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly persons: PersonService,
    private readonly audit: AuditService,
  ) {}

  /**
   * Opens a read-only REPEATABLE READ snapshot, counts the list in it (refusing the sensitive filters without the
   * permission) and, when sensitive columns go out, records the export in the audit log before any byte is sent.
   * The caller then writes (or releases) it.
   */
  async prepareXlsx(args: PersonListArgs, scope: Scope, principal: Principal): Promise<PreparedExport> {
    if (this.running >= MAX_CONCURRENT_EXPORTS) throw PersonExportErrors.busy(15);
    this.running += 1;
    let runner: QueryRunner | null = null;
    let released = false;
    const release = async () => {
      if (released) return;
      released = true;
      this.running -= 1;
      if (runner) {
        await runner.rollbackTransaction().catch(() => undefined);
        await runner.release();
      }
    };
    try {
      const sensitive = isSensitive(principal);
      const asOf = args.asOf ?? todayIso();
      const listArgs = { filter: args.filter, asOf };
      runner = this.dataSource.createQueryRunner();
      await runner.connect();
      await runner.startTransaction('REPEATABLE READ');
      await runner.query('SET TRANSACTION READ ONLY');
      const manager = runner.manager;
      const count = await this.persons.count(listArgs, scope, sensitive, manager);
      const unitName = args.filter?.unitId
        ? ((await manager.findOne(UnitEntity, { where: { id: args.filter.unitId } }))?.name ?? null)
        : null;
      const filterLines = await this.describeFilter(manager, args.filter ?? null, sensitive);
      if (sensitive) {
        await this.audit.record(this.dataSource.manager, {
          operation: 'exportPersons',
          entity: 'person',
          details: {
            format: 'xlsx',
            count,
            asOf,
            filter: plainFilter(args.filter),
            fields: [...PERSON_SENSITIVE_FIELDS],
          },
        });
      }
      return {
        count,
        fileName: exportFileName(asOf, unitName),
        release,
        write: async (out) => {
          try {
            await this.writeWorkbook(out, manager, listArgs, scope, principal, { count, filterLines, asOf });
          } finally {
            await release();
          }
        },
      };
    } catch (error) {
      await release();
      throw error;
    }
  }

  private async writeWorkbook(
    out: Writable,
    manager: EntityManager,
    args: PersonListArgs & { asOf: string },
    scope: Scope,
    principal: Principal,
    info: { count: number; filterLines: string[]; asOf: string },
  ): Promise<void> {
    const started = Date.now();
    const sensitive = isSensitive(principal);
    const columns = exportColumns(sensitive);
    let closed = false;
    out.once('close', () => (closed = true));
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
    workbook.creator = 'canbo';
    workbook.created = new Date();
    const sheet = workbook.addWorksheet('Danh sách', { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = columns.map((c, i) => ({ key: `c${i}`, width: c.width, style: c.numFmt ? { numFmt: c.numFmt } : {} }));
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
    const header = sheet.addRow(columns.map((c) => c.header));
    header.font = { bold: true };
    header.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
    header.height = 32;
    header.eachCell((cell) => {
      cell.numFmt = 'General';
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };
      cell.border = { bottom: { style: 'thin' } };
    });
    header.commit();

    const titles = new Map((await manager.find(TitleEntity)).map((t) => [t.id, t.name]));
    let index = 0;
    for await (const batch of this.persons.batches(args, scope, sensitive, { batchSize: EXPORT_BATCH_SIZE, manager })) {
      if (closed) break;
      const facts = await this.factsOf(manager, batch, args.asOf, titles);
      for (const person of batch) {
        index += 1;
        const row: ExportRow = { index, person, facts: facts.get(person.id)!, asOf: args.asOf };
        sheet.addRow(columns.map((c) => c.value(row))).commit();
      }
      if (!closed) await zipInputDrained(sheet, out);
    }
    if (closed) {
      this.logger.warn({ msg: 'exportPersons aborted by the client', rows: index });
      return;
    }
    sheet.commit();
    this.writeInfoSheet(workbook, principal, info, index, sensitive);
    await workbook.commit();
    this.logger.log({ msg: 'exportPersons', rows: index, sensitive, durationMs: Date.now() - started });
  }

  private writeInfoSheet(
    workbook: ExcelJS.stream.xlsx.WorkbookWriter,
    principal: Principal,
    info: { filterLines: string[]; asOf: string },
    rows: number,
    sensitive: boolean,
  ): void {
    const sheet = workbook.addWorksheet('Thông tin');
    sheet.columns = [
      { key: 'a', width: 30 },
      { key: 'b', width: 70 },
    ];
    const add = (name: string, value: CellValue, numFmt?: string) => {
      const row = sheet.addRow([name, value]);
      row.getCell(1).font = { bold: true };
      if (numFmt) row.getCell(2).numFmt = numFmt;
      row.getCell(2).alignment = { horizontal: 'left', wrapText: true };
      row.commit();
    };
    const title = sheet.addRow(['DANH SÁCH CÁN BỘ, CÔNG CHỨC, VIÊN CHỨC']);
    title.font = { bold: true, size: 14 };
    title.commit();
    add('Tại ngày', excelDate(info.asOf), DATE_FORMAT);
    add('Thời điểm xuất (giờ Việt Nam)', excelLocalTime(new Date()), 'dd/mm/yyyy hh:mm');
    add('Người xuất', principal.name);
    add('Số hồ sơ', rows, INTEGER_FORMAT);
    add('Bộ lọc', info.filterLines.length ? info.filterLines.join('\n') : 'Không lọc (mọi hồ sơ trong phạm vi được phân công)');
    add(
      'Thông tin nhạy cảm',
      sensitive ? 'Có (lần xuất này đã được ghi vào nhật ký hệ thống)' : 'Không có (cần quyền xem thông tin nhạy cảm)',
    );
    sheet.commit();
  }

  /** The records in force on asOf of a batch of persons (two queries), and whether each is local to their unit. */
  private async factsOf(manager: EntityManager, batch: PersonEntity[], asOf: string, titles: Map<string, string>): Promise<Map<string, RowFacts>> {
    const ids = batch.map((p) => p.id);
    const facts = new Map<string, RowFacts>(
      ids.map((id) => [
        id,
        {
          titles: [],
          committees: [],
          qualification: null,
          field: null,
          politicalTheory: null,
          stateManagement: null,
          it: null,
          languages: [],
          rankName: null,
          rankCode: null,
          salaryStep: null,
          isLocal: null,
        },
      ]),
    );
    const records = await manager
      .getRepository(PersonRecordEntity)
      .createQueryBuilder('r')
      .where(`r.person_id IN (:...ids) AND r.superseded_at IS NULL AND ${IN_FORCE('r')}`, { ids, asOf })
      .orderBy('r.valid_from', 'DESC')
      .getMany();
    for (const r of records) {
      const f = facts.get(r.personId)!;
      const v = r.value as Record<string, unknown>;
      switch (r.kind) {
        case PersonRecordKind.TITLE:
          if (r.titleId && titles.has(r.titleId)) f.titles.push(titles.get(r.titleId)!);
          break;
        case PersonRecordKind.COMMITTEE:
          f.committees.push(`${label(COMMITTEE_KIND_LABELS, r.committee as CommitteeKind)} (${r.term})`);
          break;
        case PersonRecordKind.QUALIFICATION:
          f.qualification ??= label(QUALIFICATION_LEVEL_LABELS, r.level as QualificationLevel);
          f.field ??= typeof v.field === 'string' ? v.field : null;
          break;
        case PersonRecordKind.POLITICAL_THEORY:
          f.politicalTheory ??= label(POLITICAL_THEORY_LEVEL_LABELS, r.level as PoliticalTheoryLevel);
          break;
        case PersonRecordKind.STATE_MANAGEMENT:
          f.stateManagement ??= r.level;
          break;
        case PersonRecordKind.IT:
          f.it ??= r.level;
          break;
        case PersonRecordKind.FOREIGN_LANGUAGE:
          f.languages.push([v.language, r.level].filter(Boolean).join(' '));
          break;
        case PersonRecordKind.CIVIL_SERVICE_RANK:
          if (f.rankCode === null) {
            f.rankCode = r.level;
            f.rankName = typeof v.rankName === 'string' ? v.rankName : null;
            f.salaryStep = typeof v.salaryStep === 'number' ? v.salaryStep : null;
          }
          break;
      }
    }
    const assigned = batch.filter((p) => p.assignment);
    if (assigned.length) {
      const locals: { id: string; local: boolean }[] = await manager.query(
        `SELECT p.id, ${localSql('p', 'x.unit_id')} AS local
           FROM unnest($1::uuid[], $2::uuid[]) AS x(person_id, unit_id) JOIN person p ON p.id = x.person_id`,
        [assigned.map((p) => p.id), assigned.map((p) => p.assignment!.unitId)],
      );
      for (const l of locals) facts.get(l.id)!.isLocal = l.local;
    }
    return facts;
  }

  /** The filter in Vietnamese, one condition a line (names rather than ids). */
  private async describeFilter(manager: EntityManager, f: PersonFilter | null, sensitive: boolean): Promise<string[]> {
    if (!f) return [];
    const lines: string[] = [];
    if (f.search) lines.push(`Tìm kiếm: ${f.search}`);
    if (f.unitId) lines.push(`Đơn vị: ${(await manager.findOne(UnitEntity, { where: { id: f.unitId } }))?.name ?? f.unitId}`);
    if (f.bodyId) lines.push(`Cơ quan, tổ chức: ${(await manager.findOne(BodyEntity, { where: { id: f.bodyId } }))?.name ?? f.bodyId}`);
    if (f.staffCategory) lines.push(`Loại cán bộ: ${label(STAFF_CATEGORY_LABELS, f.staffCategory)}`);
    if (f.gender) lines.push(`Giới tính: ${label(GENDER_LABELS, f.gender)}`);
    if (f.status) lines.push(`Tình trạng: ${label(PERSON_STATUS_LABELS, f.status)}`);
    if (f.ethnicityCode && sensitive) lines.push(`Dân tộc: ${ethnicGroupName(f.ethnicityCode) ?? f.ethnicityCode}`);
    if (f.titleId) lines.push(`Chức danh: ${(await manager.findOne(TitleEntity, { where: { id: f.titleId } }))?.name ?? f.titleId}`);
    if (f.committee) lines.push(`Cấp ủy: ${label(COMMITTEE_KIND_LABELS, f.committee)}`);
    if (f.ageBand) lines.push(`Nhóm tuổi: ${label(AGE_BAND_LABELS, f.ageBand)}`);
    if (f.qualificationLevel) lines.push(`Trình độ chuyên môn: ${label(QUALIFICATION_LEVEL_LABELS, f.qualificationLevel)}`);
    if (f.politicalTheoryLevel) lines.push(`Lý luận chính trị: ${label(POLITICAL_THEORY_LEVEL_LABELS, f.politicalTheoryLevel)}`);
    if (f.isLocal != null) lines.push(`Người địa phương: ${f.isLocal ? 'Có' : 'Không'}`);
    return lines;
  }

  /**
   * The data of one person's form 2C as their file stands today: NOT_FOUND outside the scope (PersonService.get);
   * sensitive parts masked without personnel.read_sensitive, and with it the read is audited (one row).
   */
  async form2c(id: string, scope: Scope, principal: Principal): Promise<Form2CData> {
    const sensitive = isSensitive(principal);
    const today = todayIso();
    const person = await this.persons.get({ id, asOf: today }, scope);
    const timeline = await this.persons.timeline(id, scope);
    const assignments = timeline.assignments.filter((a) => !a.supersededAt);
    const records = timeline.records.filter((r) => !r.supersededAt);
    const entries = timeline.entries.filter((e) => !e.supersededAt);
    const unitIds = [...new Set([...records.map((r) => r.unitId), person.assignment?.unitId].filter((x): x is string => Boolean(x)))];
    const titleIds = [...new Set(records.map((r) => r.titleId).filter((x): x is string => Boolean(x)))];
    const units = unitIds.length ? await this.dataSource.getRepository(UnitEntity).findBy(unitIds.map((uid) => ({ id: uid }))) : [];
    const titles = titleIds.length ? await this.dataSource.getRepository(TitleEntity).findBy(titleIds.map((tid) => ({ id: tid }))) : [];
    if (sensitive) {
      const fields: string[] = [...PERSON_SENSITIVE_FIELDS];
      if (entries.some((e) => e.kind === PersonEntryKind.FAMILY)) fields.push('family');
      await this.audit.record(this.dataSource.manager, {
        operation: 'readSensitive',
        entity: 'person',
        entityId: id,
        details: { fields, via: 'form2c' },
      });
    }
    return buildForm2CData({
      person,
      assignments,
      records,
      entries,
      unitNames: new Map(units.map((u) => [u.id, u.name])),
      titleNames: new Map(titles.map((t) => [t.id, t.name])),
      sensitive,
      today,
    });
  }
}

/**
 * Waits until the zip has taken in what the sheet wrote. exceljs' streaming writer pipes each sheet into the zip
 * (archiver, through a readable-stream PassThrough) without heeding backpressure, so rows produced faster than they
 * are compressed and sent would pile up in memory (about 1.7 MB of XML per 1,000 rows). The zip's input is reached
 * through exceljs internals: when they change, this waits for nothing (more memory, same file). Also returns when
 * the answer closes (the zip then stops reading).
 */
async function zipInputDrained(sheet: ExcelJS.Worksheet, out: Writable): Promise<void> {
  type Input = Writable & { _writableState?: { length: number; highWaterMark: number } };
  const input = (sheet as unknown as { stream?: { pipes?: Input[] } }).stream?.pipes?.[0];
  const state = input?._writableState;
  const pending = input?.writableLength ?? state?.length;
  const limit = input?.writableHighWaterMark ?? state?.highWaterMark;
  if (!input || pending === undefined || limit === undefined || pending <= limit) return;
  await drainOrClose(input, out);
}

/** Resolves at the first 'drain' of `input` or 'close' of `out`, leaving no listener behind. */
function drainOrClose(input: Writable, out: Writable): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      input.off('drain', done);
      out.off('close', done);
      resolve();
    };
    input.on('drain', done);
    out.on('close', done);
  });
}

/** The filter as stored in the audit row: only the conditions given. */
function plainFilter(f: PersonFilter | null | undefined): Record<string, unknown> | null {
  if (!f) return null;
  const entries = Object.entries(f).filter(([, v]) => v !== null && v !== undefined && v !== '');
  return entries.length ? Object.fromEntries(entries) : null;
}
