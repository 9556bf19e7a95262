import {
  BIRTH_DATE_PROBLEM_MESSAGES,
  birthDateProblem,
  ETHNIC_GROUPS,
  Gender,
  GENDER_LABELS,
  LIMITS,
  NATIONAL_ID_PATTERN,
  normalizeText,
  PERSON_STATUS_LABELS,
  PersonStatus,
  STAFF_CATEGORY_LABELS,
  StaffCategory,
} from '@canbo/shared';
import { Col, DatePicker, Form, FormInstance, Input, Row, Select, Tooltip } from 'antd';
import type { FormRule } from 'antd';
import dayjs, { Dayjs } from 'dayjs';
import type { TFunction } from 'i18next';
import { useLocale } from '../../app/i18n';
import type { PersonFieldsFragment } from '../../generated/graphql';
import { DATE_FORMAT, todayIsoDate, toIsoDate } from '../../shared/format';
import { nameRules, textRules } from '../../shared/rules';
import { foldedFilter, useUnitBodies, useUnitOptions } from './hooks';

export const MASK = '••••';
const PHONE_PATTERN = /^[0-9+][0-9 .()-]{5,19}$/u;
/** Digits only, at most 20 (the server's pattern). */
export const PARTY_CARD_PATTERN = /^[0-9]{1,20}$/u;

export const ETHNIC_OPTIONS = ETHNIC_GROUPS.map((g) => ({ value: g.code, label: `${g.code} – ${g.name}` }));

export function ethnicName(code: string | null | undefined): string {
  return ETHNIC_GROUPS.find((g) => g.code === code)?.name ?? code ?? '';
}

/** 12 digits, nothing else (spaces and letters are refused, not removed), like the server. */
export function nationalIdRules(t: TFunction, required = true): FormRule[] {
  return [
    ...(required ? [{ required: true, message: t('validation.required') }] : []),
    { pattern: NATIONAL_ID_PATTERN, message: t('person.validation.nationalId') },
  ];
}

/** Not in the future, and at least the minimum working age today (the rule the server applies). */
export function birthDateRules(t: TFunction, locale: 'vi' | 'en'): FormRule[] {
  return [
    { required: true, message: t('validation.required') },
    {
      validator(_, value: Dayjs | null) {
        if (!value) return Promise.resolve();
        const problem = birthDateProblem(toIsoDate(value)!, todayIsoDate());
        return problem ? Promise.reject(new Error(BIRTH_DATE_PROBLEM_MESSAGES[problem][locale])) : Promise.resolve();
      },
    },
  ];
}

/**
 * The server's rules for the party dates: not after today, after the birth date, and full membership not before
 * admission (pass `joinedOn` for the latter). Returns an i18n key, or null.
 */
export function partyDateProblem(date: string | null, birthDate: string | null, today: string, joinedOn: string | null = null): string | null {
  if (!date) return null;
  if (date > today) return 'person.validation.partyDateFuture';
  if (birthDate && date <= birthDate) return 'person.validation.partyDateBeforeBirth';
  if (joinedOn && date < joinedOn) return 'person.validation.partyConfirmedBeforeJoined';
  return null;
}

/** Form rules for a party date (it depends on the birth date and, for full membership, on the admission date). */
export function partyDateRules(t: TFunction, field: 'partyJoinedOn' | 'partyConfirmedOn'): FormRule[] {
  return [
    ({ getFieldValue }) => ({
      validator(_, value: Dayjs | null) {
        const joined = field === 'partyConfirmedOn' ? toIsoDate(getFieldValue('partyJoinedOn') ?? null) : null;
        const problem = partyDateProblem(toIsoDate(value ?? null), toIsoDate(getFieldValue('birthDate') ?? null), todayIsoDate(), joined);
        return problem ? Promise.reject(new Error(t(problem))) : Promise.resolve();
      },
    }),
  ];
}

/** Text as the server stores it: NFC, trimmed, inner spaces collapsed; empty is null. */
export function cleanText(value: string | null | undefined): string | null {
  if (value == null) return null;
  const v = normalizeText(value);
  return v === '' ? null : v;
}

export interface IdentityValues {
  fullName: string;
  otherNames?: string | null;
  gender: Gender;
  birthDate: Dayjs;
  birthPlace?: string | null;
  hometown?: string | null;
  permanentResidence?: string | null;
  currentResidence?: string | null;
  nationalId?: string | null;
  ethnicityCode?: string | null;
  religion?: string | null;
  healthStatus?: string | null;
  phone?: string | null;
  email?: string | null;
  status?: PersonStatus;
  startedWorkOn?: Dayjs | null;
  enteredCivilServiceOn?: Dayjs | null;
  partyJoinedOn?: Dayjs | null;
  partyConfirmedOn?: Dayjs | null;
  partyCardNumber?: string | null;
}

export const SENSITIVE_KEYS = ['nationalId', 'ethnicityCode', 'religion', 'healthStatus', 'partyJoinedOn', 'partyConfirmedOn', 'partyCardNumber'] as const;

/** The identity as the API takes it (sensitive fields left out when the user may not see them). */
export function identityInput(values: IdentityValues, sensitive: boolean) {
  const input = {
    fullName: cleanText(values.fullName) ?? '',
    otherNames: cleanText(values.otherNames),
    gender: values.gender,
    birthDate: toIsoDate(values.birthDate)!,
    birthPlace: cleanText(values.birthPlace),
    hometown: cleanText(values.hometown),
    permanentResidence: cleanText(values.permanentResidence),
    currentResidence: cleanText(values.currentResidence),
    phone: cleanText(values.phone),
    email: cleanText(values.email),
    status: values.status ?? PersonStatus.SERVING,
    startedWorkOn: toIsoDate(values.startedWorkOn ?? null),
    enteredCivilServiceOn: toIsoDate(values.enteredCivilServiceOn ?? null),
  };
  if (!sensitive) return input;
  return {
    ...input,
    nationalId: values.nationalId?.trim() ?? '',
    ethnicityCode: values.ethnicityCode ?? null,
    religion: cleanText(values.religion),
    healthStatus: cleanText(values.healthStatus),
    partyJoinedOn: toIsoDate(values.partyJoinedOn ?? null),
    partyConfirmedOn: toIsoDate(values.partyConfirmedOn ?? null),
    partyCardNumber: values.partyCardNumber?.trim() || null,
  };
}

export function identityValues(p: PersonFieldsFragment): IdentityValues {
  const date = (v: string | null) => (v ? dayjs(v) : null);
  return {
    fullName: p.fullName,
    otherNames: p.otherNames,
    gender: p.gender,
    birthDate: dayjs(p.birthDate),
    birthPlace: p.birthPlace,
    hometown: p.hometown,
    permanentResidence: p.permanentResidence,
    currentResidence: p.currentResidence,
    nationalId: p.nationalId,
    ethnicityCode: p.ethnicityCode,
    religion: p.religion,
    healthStatus: p.healthStatus,
    phone: p.phone,
    email: p.email,
    status: p.status,
    startedWorkOn: date(p.startedWorkOn),
    enteredCivilServiceOn: date(p.enteredCivilServiceOn),
    partyJoinedOn: date(p.partyJoinedOn),
    partyConfirmedOn: date(p.partyConfirmedOn),
    partyCardNumber: p.partyCardNumber,
  };
}

/** A masked sensitive value, with a tooltip telling why. */
export function Masked() {
  const { t } = useLocale();
  return (
    <Tooltip title={t('person.maskedHint')}>
      <span data-testid="masked" aria-label={t('person.maskedHint')}>
        {MASK}
      </span>
    </Tooltip>
  );
}

const required = (t: TFunction) => [{ required: true, message: t('validation.required') }];

/** The identity fields of the create and edit forms. */
export function IdentityFields({ sensitive, create }: { sensitive: boolean; create?: boolean }) {
  const { t, locale, label } = useLocale();
  return (
    <Row gutter={16}>
      <Col xs={24} md={12}>
        <Form.Item name="fullName" label={t('person.fullName')} rules={nameRules(t)}>
          <Input data-testid="person-full-name" />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="otherNames" label={t('person.otherNames')} rules={nameRules(t, { required: false })}>
          <Input />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item name="gender" label={t('person.gender')} rules={required(t)}>
          <Select data-testid="person-gender" options={Object.values(Gender).map((g) => ({ value: g, label: label(GENDER_LABELS, g) }))} />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item name="birthDate" label={t('person.birthDate')} rules={birthDateRules(t, locale)}>
          <DatePicker data-testid="person-birth-date" format={DATE_FORMAT} style={{ width: '100%' }} />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        {sensitive ? (
          <Form.Item name="nationalId" label={t('person.nationalId')} rules={nationalIdRules(t)}>
            <Input data-testid="person-national-id" maxLength={20} inputMode="numeric" />
          </Form.Item>
        ) : (
          <Form.Item label={t('person.nationalId')}>
            <Masked />
          </Form.Item>
        )}
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="birthPlace" label={t('person.birthPlace')} rules={textRules(t)}>
          <Input />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="hometown" label={t('person.hometown')} rules={textRules(t)}>
          <Input />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="permanentResidence" label={t('person.permanentResidence')} rules={textRules(t)}>
          <Input />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="currentResidence" label={t('person.currentResidence')} rules={textRules(t)}>
          <Input />
        </Form.Item>
      </Col>
      {sensitive && (
        <>
          <Col xs={24} md={8}>
            <Form.Item name="ethnicityCode" label={t('person.ethnicity')}>
              <Select allowClear showSearch={{ filterOption: foldedFilter }} options={ETHNIC_OPTIONS} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="religion" label={t('person.religion')} rules={textRules(t, 100)}>
              <Input />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="healthStatus" label={t('person.healthStatus')} rules={textRules(t, 200)}>
              <Input />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="partyJoinedOn" label={t('person.partyJoinedOn')} dependencies={['birthDate']} rules={partyDateRules(t, 'partyJoinedOn')}>
              <DatePicker data-testid="person-party-joined-on" format={DATE_FORMAT} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item
              name="partyConfirmedOn"
              label={t('person.partyConfirmedOn')}
              dependencies={['birthDate', 'partyJoinedOn']}
              rules={partyDateRules(t, 'partyConfirmedOn')}
            >
              <DatePicker data-testid="person-party-confirmed-on" format={DATE_FORMAT} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item
              name="partyCardNumber"
              label={t('person.partyCardNumber')}
              rules={[{ pattern: PARTY_CARD_PATTERN, message: t('person.validation.partyCardNumber') }]}
            >
              <Input data-testid="person-party-card-number" maxLength={20} inputMode="numeric" />
            </Form.Item>
          </Col>
        </>
      )}
      <Col xs={24} md={12}>
        <Form.Item name="phone" label={t('person.phone')} rules={[{ pattern: PHONE_PATTERN, message: t('person.validation.phone') }]}>
          <Input />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item
          name="email"
          label={t('person.email')}
          rules={[
            { type: 'email', message: t('person.validation.email') },
            { max: 200, message: t('validation.maxLength', { max: 200 }) },
          ]}
        >
          <Input />
        </Form.Item>
      </Col>
      {!create && (
        <Col xs={24} md={8}>
          <Form.Item name="status" label={t('person.status')} rules={required(t)}>
            <Select options={Object.values(PersonStatus).map((s) => ({ value: s, label: label(PERSON_STATUS_LABELS, s) }))} />
          </Form.Item>
        </Col>
      )}
      <Col xs={24} md={create ? 12 : 8}>
        <Form.Item name="startedWorkOn" label={t('person.startedWorkOn')}>
          <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
        </Form.Item>
      </Col>
      <Col xs={24} md={create ? 12 : 8}>
        <Form.Item name="enteredCivilServiceOn" label={t('person.enteredCivilServiceOn')}>
          <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
        </Form.Item>
      </Col>
    </Row>
  );
}

export interface AssignmentValues {
  unitId: string;
  bodyId?: string | null;
  staffCategory: StaffCategory;
  jobPosition: string;
}

/** Unit (searchable, the caller's scope), body of that unit, staff category and job position. */
export function AssignmentFields({ form }: { form: FormInstance }) {
  const { t, label } = useLocale();
  const units = useUnitOptions();
  const unitId = Form.useWatch('unitId', form) as string | undefined;
  const bodies = useUnitBodies(unitId);
  return (
    <Row gutter={16}>
      <Col xs={24} md={12}>
        <Form.Item name="unitId" label={t('person.unit')} rules={required(t)}>
          <Select
            data-testid="assignment-unit"
            showSearch={{ filterOption: foldedFilter }}
            loading={units.isLoading}
            options={units.data?.map((u) => ({ value: u.id, label: u.name })) ?? []}
            onChange={() => form.setFieldValue('bodyId', null)}
          />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="bodyId" label={t('person.body')}>
          <Select
            data-testid="assignment-body"
            allowClear
            disabled={!unitId}
            loading={bodies.isLoading}
            showSearch={{ filterOption: foldedFilter }}
            options={[...(bodies.data?.unit.bodies ?? [])]
              .sort((a, b) => a.sortOrder - b.sortOrder)
              .map((b) => ({ value: b.id, label: b.validTo ? `${b.name} (${t('person.ended')})` : b.name }))}
          />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="staffCategory" label={t('person.staffCategory')} rules={required(t)}>
          <Select
            data-testid="assignment-category"
            options={Object.values(StaffCategory).map((c) => ({ value: c, label: label(STAFF_CATEGORY_LABELS, c) }))}
          />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="jobPosition" label={t('person.jobPosition')} rules={nameRules(t)}>
          <Input data-testid="assignment-position" maxLength={LIMITS.nameMaxLength + 10} />
        </Form.Item>
      </Col>
    </Row>
  );
}

/** The name of a unit from the options (falls back to the id for units outside the caller's scope). */
export function useUnitName() {
  const units = useUnitOptions();
  const { t } = useLocale();
  return (id: string | null | undefined) => {
    if (!id || !units.data) return '';
    return units.data.find((u) => u.id === id)?.name ?? t('person.otherUnit');
  };
}

export function BodyName({ unitId, bodyId }: { unitId: string; bodyId: string | null }) {
  const bodies = useUnitBodies(bodyId ? unitId : null);
  if (!bodyId) return null;
  return <>{bodies.data?.unit.bodies.find((b) => b.id === bodyId)?.name ?? ''}</>;
}
