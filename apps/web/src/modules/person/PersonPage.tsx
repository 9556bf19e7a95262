import { ArrowLeftOutlined, EditOutlined, SwapOutlined } from '@ant-design/icons';
import {
  ErrorCode,
  GENDER_LABELS,
  PERMISSIONS,
  PERSON_ENTRY_KIND_LABELS,
  PERSON_RECORD_KIND_LABELS,
  PERSON_STATUS_LABELS,
  PersonEntryKind,
  PersonRecordKind,
  STAFF_CATEGORY_LABELS,
} from '@canbo/shared';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, DatePicker, Descriptions, Empty, Result, Skeleton, Space, Tabs, Tag, Typography } from 'antd';
import dayjs, { Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { useLocale } from '../../app/i18n';
import type { PersonAssignmentFieldsFragment } from '../../generated/graphql';
import { ErrorState, errorMessage } from '../../shared/errors';
import { DATE_FORMAT, formatDate, formatDateTime, formatPeriod, todayIsoDate, toIsoDate } from '../../shared/format';
import { ApiError } from '../../shared/graphql-client';
import { usePermissions } from '../auth/hooks';
import { AssignmentModal, AssignmentTarget } from './AssignmentModal';
import { personKeys, usePerson, usePersonTimeline } from './hooks';
import { BodyName, ethnicName, Masked, useUnitName } from './person-form';
import { PersonEntriesSection } from './PersonEntriesSection';
import { Form2CButton } from './person-files';
import { EntryTarget, PersonEntryModal } from './PersonEntryModal';
import { PersonIdentityModal } from './PersonIdentityModal';
import { PersonRecordModal, RecordTarget } from './PersonRecordModal';
import { PersonRecordsSection } from './PersonRecordsSection';
import { STATUS_COLORS } from './PersonListPage';
import { KindTag } from './person-file-display';
import { PersonTimelinePanel } from './PersonTimeline';

const isNotFound = (error: unknown) => error instanceof ApiError && error.code === ErrorCode.NOT_FOUND;

/** The kinds of the "Trình độ" section. */
const QUALIFICATION_KINDS = [
  PersonRecordKind.QUALIFICATION,
  PersonRecordKind.POLITICAL_THEORY,
  PersonRecordKind.STATE_MANAGEMENT,
  PersonRecordKind.IT,
  PersonRecordKind.FOREIGN_LANGUAGE,
];

/**
 * A person's file: profile and assignment on a chosen date (as known at a chosen time), the career timeline, and the
 * sections of the file (titles, committees, qualifications, rank: records in force on that date; training, ratings,
 * commendations and discipline, family: dated entries), each with its recorded history.
 */
export function PersonPage() {
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const { t, label } = useLocale();
  const { can } = usePermissions();
  const sensitive = can(PERMISSIONS.PERSONNEL_READ_SENSITIVE);
  const canWrite = can(PERMISSIONS.PERSONNEL_WRITE);
  const initialAsOf = params.get('asOf');
  const [asOf, setAsOf] = useState<Dayjs | null>(initialAsOf && dayjs(initialAsOf).isValid() ? dayjs(initialAsOf) : null);
  const [asKnownAt, setAsKnownAt] = useState<Dayjs | null>(null);
  const [editing, setEditing] = useState(false);
  const [target, setTarget] = useState<AssignmentTarget | null>(null);
  const [recordTarget, setRecordTarget] = useState<RecordTarget | null>(null);
  const [entryTarget, setEntryTarget] = useState<EntryTarget | null>(null);
  // controlled: the tabs stay on their section while the profile above reloads for another date
  const [tab, setTab] = useState('timeline');
  const client = useQueryClient();
  const current = usePerson(id, null, null);
  const asOfIso = asOf ? toIsoDate(asOf) : null;
  const asKnownIso = asKnownAt ? asKnownAt.toISOString() : null;
  const view = usePerson(id, asOfIso, asKnownIso);
  const timeline = usePersonTimeline(id);
  const unitName = useUnitName();

  if (current.isLoading) return <Skeleton active />;
  if (current.isError) {
    if (isNotFound(current.error)) {
      return (
        <Result
          status="404"
          title={t('errors.notFound')}
          subTitle={t('person.notFoundHint')}
          extra={
            <Link to="/persons">
              <Button type="primary">{t('common.backToList')}</Button>
            </Link>
          }
        />
      );
    }
    return <ErrorState error={current.error} onRetry={() => current.refetch()} />;
  }
  const person = current.data!.person;
  const shown = view.data?.person;
  const reload = () => {
    void current.refetch();
    void view.refetch();
    void timeline.refetch();
    void client.invalidateQueries({ queryKey: personKeys.files(id) });
  };
  const currentRecords = timeline.data?.personTimeline.assignments.filter((a) => !a.supersededAt) ?? [];
  const sensitiveValue = (value: string | null, render: (v: string) => string = (v) => v) =>
    !sensitive ? <Masked /> : value ? render(value) : t('common.none');
  const text = (value: string | null) => value || t('common.none');
  const historical = Boolean(asOf || asKnownAt);
  const correctButton = (r: PersonAssignmentFieldsFragment) =>
    canWrite ? (
      <Button size="small" data-testid="correct-assignment" onClick={() => setTarget({ mode: 'correct', record: r })}>
        {t('person.correctAssignment')}
      </Button>
    ) : null;

  const fileAsOf = asOfIso ?? todayIsoDate();
  const recordsTab = (key: string, tabLabel: string, kinds: PersonRecordKind[]) => ({
    key,
    label: tabLabel,
    children: (
      <PersonRecordsSection
        personId={person.id}
        kinds={kinds}
        asOf={fileAsOf}
        asKnownAt={asKnownIso}
        canWrite={canWrite}
        defaultUnitId={person.assignment?.unitId ?? null}
        onEdit={setRecordTarget}
      />
    ),
  });
  const entriesTab = (key: string, tabLabel: string, kinds: PersonEntryKind[]) => ({
    key,
    label: tabLabel,
    children: (
      <PersonEntriesSection personId={person.id} kinds={kinds} asOf={fileAsOf} asKnownAt={asKnownIso} canWrite={canWrite} onEdit={setEntryTarget} />
    ),
  });

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Space align="center" wrap>
        <Link to="/persons">
          <Button icon={<ArrowLeftOutlined />}>{t('common.backToList')}</Button>
        </Link>
        <Typography.Title level={3} style={{ margin: 0 }} data-testid="person-title">
          {person.fullName}
        </Typography.Title>
        <Tag color={STATUS_COLORS[person.status]}>{label(PERSON_STATUS_LABELS, person.status)}</Tag>
        <Form2CButton personId={person.id} fullName={person.fullName} />
      </Space>

      <Space wrap align="center">
        <Typography.Text strong>{t('person.asOf')}</Typography.Text>
        <DatePicker
          data-testid="person-page-as-of"
          format={DATE_FORMAT}
          placeholder={t('person.asOfToday')}
          value={asOf}
          onChange={(value) => setAsOf(value)}
        />
        <Typography.Text strong>{t('person.asKnownAt')}</Typography.Text>
        <DatePicker
          data-testid="person-page-as-known"
          showTime
          format={`${DATE_FORMAT} HH:mm:ss`}
          placeholder={t('person.asKnownNow')}
          value={asKnownAt}
          onChange={(value) => setAsKnownAt(value)}
        />
      </Space>

      {view.isError ? (
        isNotFound(view.error) && historical ? (
          <Alert type="info" showIcon data-testid="person-not-on-date" title={t('person.notOnDate')} />
        ) : (
          <Alert type="error" showIcon role="alert" title={errorMessage(view.error, t)} />
        )
      ) : !shown ? (
        <Skeleton active />
      ) : (
        <>
          <Card
            title={t('person.profile')}
            extra={
              canWrite && !historical ? (
                <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="edit-identity">
                  {t('person.editIdentity')}
                </Button>
              ) : null
            }
          >
            <Descriptions column={{ xs: 1, md: 2, xl: 3 }} size="small" data-testid="person-profile">
              <Descriptions.Item label={t('person.fullName')}>{shown.fullName}</Descriptions.Item>
              <Descriptions.Item label={t('person.otherNames')}>{text(shown.otherNames)}</Descriptions.Item>
              <Descriptions.Item label={t('person.gender')}>{label(GENDER_LABELS, shown.gender)}</Descriptions.Item>
              <Descriptions.Item label={t('person.birthDate')}>{formatDate(shown.birthDate)}</Descriptions.Item>
              <Descriptions.Item label={t('person.nationalId')}>
                <span data-testid="person-national-id-value">{sensitiveValue(shown.nationalId)}</span>
              </Descriptions.Item>
              <Descriptions.Item label={t('person.ethnicity')}>{sensitiveValue(shown.ethnicityCode, ethnicName)}</Descriptions.Item>
              <Descriptions.Item label={t('person.religion')}>{sensitiveValue(shown.religion)}</Descriptions.Item>
              <Descriptions.Item label={t('person.healthStatus')}>{sensitiveValue(shown.healthStatus)}</Descriptions.Item>
              <Descriptions.Item label={t('person.partyJoinedOn')}>
                <span data-testid="person-party-joined-on-value">{sensitiveValue(shown.partyJoinedOn, formatDate)}</span>
              </Descriptions.Item>
              <Descriptions.Item label={t('person.partyConfirmedOn')}>
                <span data-testid="person-party-confirmed-on-value">{sensitiveValue(shown.partyConfirmedOn, formatDate)}</span>
              </Descriptions.Item>
              <Descriptions.Item label={t('person.partyCardNumber')}>
                <span data-testid="person-party-card-number-value">{sensitiveValue(shown.partyCardNumber)}</span>
              </Descriptions.Item>
              <Descriptions.Item label={t('person.birthPlace')}>{text(shown.birthPlace)}</Descriptions.Item>
              <Descriptions.Item label={t('person.hometown')}>{text(shown.hometown)}</Descriptions.Item>
              <Descriptions.Item label={t('person.permanentResidence')}>{text(shown.permanentResidence)}</Descriptions.Item>
              <Descriptions.Item label={t('person.currentResidence')}>{text(shown.currentResidence)}</Descriptions.Item>
              <Descriptions.Item label={t('person.phone')}>{text(shown.phone)}</Descriptions.Item>
              <Descriptions.Item label={t('person.email')}>{text(shown.email)}</Descriptions.Item>
              <Descriptions.Item label={t('person.status')}>{label(PERSON_STATUS_LABELS, shown.status)}</Descriptions.Item>
              <Descriptions.Item label={t('person.startedWorkOn')}>
                {shown.startedWorkOn ? formatDate(shown.startedWorkOn) : t('common.none')}
              </Descriptions.Item>
              <Descriptions.Item label={t('person.enteredCivilServiceOn')}>
                {shown.enteredCivilServiceOn ? formatDate(shown.enteredCivilServiceOn) : t('common.none')}
              </Descriptions.Item>
              <Descriptions.Item label={t('common.version')}>{shown.version}</Descriptions.Item>
            </Descriptions>
          </Card>

          <Card
            title={t('person.assignmentInForce')}
            extra={
              canWrite && !asKnownAt ? (
                <Button
                  icon={<SwapOutlined />}
                  data-testid="change-assignment"
                  disabled={timeline.isLoading}
                  onClick={() => setTarget({ mode: 'change', personId: person.id, current: currentRecords, from: asOfIso ?? todayIsoDate() })}
                >
                  {t('person.changeAssignment')}
                </Button>
              ) : null
            }
          >
            {shown.assignment ? (
              <Descriptions column={{ xs: 1, md: 2, xl: 3 }} size="small" data-testid="person-assignment">
                <Descriptions.Item label={t('person.unit')}>{unitName(shown.assignment.unitId)}</Descriptions.Item>
                <Descriptions.Item label={t('person.body')}>
                  {shown.assignment.bodyId ? <BodyName unitId={shown.assignment.unitId} bodyId={shown.assignment.bodyId} /> : t('common.none')}
                </Descriptions.Item>
                <Descriptions.Item label={t('person.staffCategory')}>{label(STAFF_CATEGORY_LABELS, shown.assignment.staffCategory)}</Descriptions.Item>
                <Descriptions.Item label={t('person.jobPosition')}>{shown.assignment.jobPosition}</Descriptions.Item>
                <Descriptions.Item label={t('person.period')}>
                  {formatPeriod(shown.assignment.validFrom, shown.assignment.validTo, t('person.open'))}
                </Descriptions.Item>
                <Descriptions.Item label={t('person.recordKind')}>
                  <KindTag kind={shown.assignment.recordKind} />
                </Descriptions.Item>
                {shown.assignment.secondedToUnitId && (
                  <Descriptions.Item label={t('person.secondedTo')}>{unitName(shown.assignment.secondedToUnitId)}</Descriptions.Item>
                )}
                <Descriptions.Item label={t('person.recordedAt')}>{formatDateTime(shown.assignment.recordedAt)}</Descriptions.Item>
              </Descriptions>
            ) : (
              <Empty description={t('person.noAssignment')} />
            )}
          </Card>
        </>
      )}

      <Tabs
        activeKey={tab}
        onChange={setTab}
        data-testid="person-file-tabs"
        items={[
          { key: 'timeline', label: t('person.timeline'), children: <PersonTimelinePanel personId={person.id} extra={correctButton} /> },
          recordsTab('titles', label(PERSON_RECORD_KIND_LABELS, PersonRecordKind.TITLE), [PersonRecordKind.TITLE]),
          recordsTab('committees', label(PERSON_RECORD_KIND_LABELS, PersonRecordKind.COMMITTEE), [PersonRecordKind.COMMITTEE]),
          recordsTab('qualifications', t('person.tabQualifications'), QUALIFICATION_KINDS),
          recordsTab('rank', label(PERSON_RECORD_KIND_LABELS, PersonRecordKind.CIVIL_SERVICE_RANK), [PersonRecordKind.CIVIL_SERVICE_RANK]),
          entriesTab('training', label(PERSON_ENTRY_KIND_LABELS, PersonEntryKind.TRAINING), [PersonEntryKind.TRAINING]),
          entriesTab('ratings', label(PERSON_ENTRY_KIND_LABELS, PersonEntryKind.RATING), [PersonEntryKind.RATING]),
          entriesTab('commendations', t('person.tabCommendations'), [PersonEntryKind.COMMENDATION, PersonEntryKind.DISCIPLINE]),
          sensitive
            ? entriesTab('family', label(PERSON_ENTRY_KIND_LABELS, PersonEntryKind.FAMILY), [PersonEntryKind.FAMILY])
            : {
                key: 'family',
                label: label(PERSON_ENTRY_KIND_LABELS, PersonEntryKind.FAMILY),
                children: (
                  <Alert
                    type="info"
                    showIcon
                    data-testid="family-needs-sensitive"
                    title={t('personEntry.familyNeedsSensitive')}
                    description={t('personEntry.familyNeedsSensitiveHint')}
                  />
                ),
              },
        ]}
      />

      <PersonIdentityModal person={person} open={editing} onClose={() => setEditing(false)} onReload={reload} />
      <AssignmentModal target={target} onClose={() => setTarget(null)} onReload={reload} />
      <PersonRecordModal target={recordTarget} onClose={() => setRecordTarget(null)} onReload={reload} />
      <PersonEntryModal target={entryTarget} onClose={() => setEntryTarget(null)} onReload={reload} />
    </Space>
  );
}
