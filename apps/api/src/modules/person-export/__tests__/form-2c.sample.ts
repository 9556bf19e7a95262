import { CommitteeKind, FamilyRelation, Gender, PersonEntryKind, PersonRecordKind, PersonStatus, RecordKind, StaffCategory } from '@canbo/shared';
import type { PersonAssignmentEntity, PersonEntity } from '../../person/person.entity';
import type { PersonEntryEntity, PersonRecordEntity } from '../../person/person-record.entity';
import type { Form2CSource } from '../form-2c';

/** A filled personal file (no database) for the tests of form 2C. */
export function sampleForm2CSource(sensitive: boolean): Form2CSource {
  const bitemporal = { recordedAt: new Date('2025-07-01T00:00:00Z'), supersededAt: null, recordKind: RecordKind.CHANGE, correctsId: null, reason: null, version: 1 };
  const assignment = (over: Partial<PersonAssignmentEntity>): PersonAssignmentEntity =>
    ({
      id: 'a',
      personId: 'p',
      unitId: 'u1',
      unitName: 'Xã Mỹ Đức',
      bodyId: 'b1',
      bodyName: 'Ủy ban nhân dân xã Mỹ Đức',
      staffCategory: StaffCategory.CIVIL_SERVANT,
      jobPosition: 'Công chức Văn phòng - Thống kê',
      secondedToUnitId: null,
      secondedToUnitName: null,
      validFrom: '2025-07-01',
      validTo: null,
      ...bitemporal,
      ...over,
    }) as PersonAssignmentEntity;
  const record = (kind: PersonRecordKind, over: Partial<PersonRecordEntity>): PersonRecordEntity =>
    ({ id: `r-${Math.random()}`, personId: 'p', kind, unitId: null, titleId: null, committee: null, term: null, level: null, value: {}, validFrom: '2025-07-01', validTo: null, ...bitemporal, ...over }) as PersonRecordEntity;
  const entry = (kind: PersonEntryKind, over: Partial<PersonEntryEntity>): PersonEntryEntity =>
    ({ id: `e-${Math.random()}`, personId: 'p', kind, dateFrom: null, dateTo: null, year: null, value: {}, ...bitemporal, ...over }) as PersonEntryEntity;
  const current = assignment({ id: 'a2', validFrom: '2025-07-01' });
  const person = {
    id: 'p',
    fullName: 'Nguyễn Thị Ánh Tuyết',
    otherNames: 'Út Tuyết',
    gender: Gender.FEMALE,
    birthDate: '1986-09-02',
    birthPlace: 'Xã Mỹ Đức, huyện Châu Phú, tỉnh An Giang',
    hometown: 'Xã Mỹ Đức, tỉnh An Giang',
    permanentResidence: 'Ấp Mỹ Phú, xã Mỹ Đức, tỉnh An Giang',
    currentResidence: 'Ấp Mỹ Phú, xã Mỹ Đức, tỉnh An Giang',
    nationalId: '089186001234',
    ethnicityCode: '05',
    religion: 'Phật giáo Hòa Hảo',
    healthStatus: 'Tốt',
    phone: '0912 345 678',
    email: 'tuyet@example.vn',
    status: PersonStatus.SERVING,
    startedWorkOn: '2008-09-15',
    enteredCivilServiceOn: '2010-03-01',
    partyJoinedOn: '2012-05-19',
    partyConfirmedOn: '2013-05-19',
    partyCardNumber: '12345678',
    assignment: current,
  } as PersonEntity;
  return {
    person,
    assignments: [
      assignment({ id: 'a1', unitId: 'u0', unitName: 'Xã Mỹ Phú', bodyName: 'Ủy ban nhân dân xã Mỹ Phú', validFrom: '2010-03-01', validTo: '2025-07-01', jobPosition: 'Công chức Tư pháp - Hộ tịch' }),
      current,
    ],
    records: [
      record(PersonRecordKind.TITLE, { titleId: 't1', unitId: 'u1', validFrom: '2025-07-01' }),
      record(PersonRecordKind.COMMITTEE, { committee: CommitteeKind.EXECUTIVE, term: '2025-2030', unitId: 'u1', validFrom: '2025-07-01' }),
      record(PersonRecordKind.QUALIFICATION, { level: 'BACHELOR', value: { field: 'Luật', institution: 'Trường Đại học Cần Thơ', year: 2008 }, validFrom: '2008-07-01' }),
      record(PersonRecordKind.POLITICAL_THEORY, { level: 'INTERMEDIATE', value: { institution: 'Trường Chính trị Tôn Đức Thắng', year: 2016 }, validFrom: '2016-06-01' }),
      record(PersonRecordKind.FOREIGN_LANGUAGE, { level: 'B1', value: { language: 'Tiếng Anh', year: 2015 }, validFrom: '2015-01-01' }),
      record(PersonRecordKind.IT, { level: 'Cơ bản', value: { year: 2014 }, validFrom: '2014-01-01' }),
      record(PersonRecordKind.CIVIL_SERVICE_RANK, { level: '01.003', value: { rankName: 'Chuyên viên', salaryStep: 3 }, validFrom: '2016-03-01', validTo: '2019-03-01' }),
      record(PersonRecordKind.CIVIL_SERVICE_RANK, { level: '01.003', value: { rankName: 'Chuyên viên', salaryStep: 4 }, validFrom: '2019-03-01' }),
    ],
    entries: [
      entry(PersonEntryKind.TRAINING, { dateFrom: '2024-03-04', dateTo: '2024-03-29', value: { course: 'Bồi dưỡng kỹ năng số', trainingKind: 'DIGITAL_SKILLS', certificate: 'Chứng chỉ' } }),
      entry(PersonEntryKind.COMMENDATION, { dateFrom: '2023-12-20', value: { measure: 'Bằng khen của Chủ tịch UBND tỉnh', decision: '123/QĐ-UBND' } }),
      entry(PersonEntryKind.DISCIPLINE, { dateFrom: '2019-04-02', value: { measure: 'Khiển trách' } }),
      entry(PersonEntryKind.FAMILY, { year: 1958, value: { relation: FamilyRelation.FATHER, relativeName: 'Nguyễn Văn Đức', occupation: 'Làm ruộng', residence: 'Xã Mỹ Đức' } }),
      entry(PersonEntryKind.FAMILY, { year: 1984, value: { relation: FamilyRelation.SPOUSE, relativeName: 'Trần Quốc Bảo', occupation: 'Giáo viên' } }),
      entry(PersonEntryKind.FAMILY, { year: 1960, value: { relation: FamilyRelation.SPOUSE_MOTHER, relativeName: 'Lê Thị Hường', occupation: 'Nội trợ' } }),
    ],
    unitNames: new Map([
      ['u1', 'Xã Mỹ Đức'],
      ['u0', 'Xã Mỹ Phú'],
    ]),
    titleNames: new Map([['t1', 'Phó Chủ tịch Ủy ban nhân dân']]),
    sensitive,
    today: '2025-11-28',
  };
}
