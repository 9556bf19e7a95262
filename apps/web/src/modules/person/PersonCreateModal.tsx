import { PERMISSIONS, StaffCategory } from '@canbo/shared';
import { Alert, App, Col, DatePicker, Divider, Form, Modal, Row } from 'antd';
import dayjs, { Dayjs } from 'dayjs';
import { useEffect, useLayoutEffect, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { useLocale } from '../../app/i18n';
import { applyFieldErrors, FailureAlert } from '../../shared/errors';
import { DATE_FORMAT, toIsoDate } from '../../shared/format';
import { usePermissions } from '../auth/hooks';
import { useCreatePerson, useUnitOptions } from './hooks';
import { AssignmentFields, AssignmentValues, cleanText, IdentityFields, identityInput, IdentityValues } from './person-form';

type Values = IdentityValues & AssignmentValues & { validFrom: Dayjs };

/** A new person with identity and first assignment; client rules mirror the server's, server field errors land on the fields. */
export function PersonCreateModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t, locale } = useLocale();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const create = useCreatePerson();
  const sensitive = usePermissions().can(PERMISSIONS.PERSONNEL_READ_SENSITIVE);
  const units = useUnitOptions();
  const [failure, setFailure] = useState<unknown>(null);

  useLayoutEffect(() => {
    if (!open) return;
    setFailure(null);
    form.resetFields();
    form.setFieldsValue({ validFrom: dayjs(), staffCategory: StaffCategory.CIVIL_SERVANT });
  }, [open, form]);

  // a caller with a single unit in scope gets it preselected once the units are known; typing is kept meanwhile
  const only = units.data?.length === 1 ? units.data[0].id : undefined;
  useEffect(() => {
    if (open && only && !form.getFieldValue('unitId')) form.setFieldsValue({ unitId: only });
  }, [open, only, form]);

  const submit = async (values: Values) => {
    setFailure(null);
    try {
      const result = await create.mutateAsync({
        ...identityInput(values, true),
        nationalId: values.nationalId?.trim() ?? '',
        unitId: values.unitId,
        bodyId: values.bodyId ?? null,
        staffCategory: values.staffCategory,
        jobPosition: cleanText(values.jobPosition) ?? '',
        validFrom: toIsoDate(values.validFrom)!,
      });
      message.success(t('person.created'));
      onClose();
      navigate(`/persons/${result.createPerson.id}`);
    } catch (error) {
      if (!applyFieldErrors(form, error, t, locale)) setFailure(error);
    }
  };

  return (
    <Modal
      open={open}
      title={t('person.create')}
      width={860}
      onCancel={onClose}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending}
      onOk={() => form.submit()}
      destroyOnHidden
      forceRender
    >
      <FailureAlert error={failure} />
      <Form<Values> form={form} layout="vertical" onFinish={submit} name="person-create" scrollToFirstError>
        <Divider titlePlacement="start">{t('person.identity')}</Divider>
        {/* creating needs the national ID: the form asks for it even when the user may not read it back */}
        <IdentityFields sensitive create />
        {!sensitive && <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('person.sensitiveWriteOnly')} />}
        <Divider titlePlacement="start">{t('person.firstAssignment')}</Divider>
        <AssignmentFields form={form} />
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="validFrom" label={t('person.assignmentFrom')} rules={[{ required: true, message: t('validation.required') }]}>
              <DatePicker data-testid="assignment-valid-from" format={DATE_FORMAT} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
