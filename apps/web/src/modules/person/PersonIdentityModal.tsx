import { LIMITS, PERMISSIONS, RecordKind } from '@canbo/shared';
import { App, Form, Input, Modal, Radio, Typography } from 'antd';
import { useLayoutEffect, useState } from 'react';
import { useLocale } from '../../app/i18n';
import type { PersonFieldsFragment, UpdatePersonIdentityInput } from '../../generated/graphql';
import { applyFieldErrors, FailureAlert } from '../../shared/errors';
import { reasonRules } from '../../shared/rules';
import { usePermissions } from '../auth/hooks';
import { useUpdatePersonIdentity } from './hooks';
import { IdentityFields, identityInput, IdentityValues, identityValues } from './person-form';

type Values = IdentityValues & { kind: RecordKind; reason?: string };

/**
 * Edits the identity as a real change ("Thay đổi thực tế") or as the correction of a mistake ("Đính chính sai sót",
 * reason required, confirmed first). Only the fields that differ are sent; a stale version answers CONFLICT.
 */
export function PersonIdentityModal({
  person,
  open,
  onClose,
  onReload,
}: {
  person: PersonFieldsFragment;
  open: boolean;
  onClose: () => void;
  onReload: () => void;
}) {
  const { t, locale } = useLocale();
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<Values>();
  const update = useUpdatePersonIdentity();
  const sensitive = usePermissions().can(PERMISSIONS.PERSONNEL_READ_SENSITIVE);
  const [failure, setFailure] = useState<unknown>(null);
  const kind = Form.useWatch('kind', form);

  useLayoutEffect(() => {
    if (!open) return;
    setFailure(null);
    form.resetFields();
    form.setFieldsValue({ ...identityValues(person), kind: RecordKind.CHANGE });
  }, [open, person, form]);

  const save = async (values: Values) => {
    setFailure(null);
    const before = identityInput(identityValues(person), sensitive) as Record<string, unknown>;
    const after = identityInput(values, sensitive) as Record<string, unknown>;
    const changed = Object.fromEntries(Object.entries(after).filter(([k, v]) => v !== before[k])) as Partial<UpdatePersonIdentityInput>;
    if (!Object.keys(changed).length) {
      message.info(t('person.nothingChanged'));
      return;
    }
    try {
      await update.mutateAsync({
        id: person.id,
        version: person.version,
        kind: values.kind,
        reason: values.reason?.trim() || null,
        ...changed,
      });
      message.success(values.kind === RecordKind.CORRECTION ? t('person.corrected') : t('person.changed'));
      onClose();
    } catch (error) {
      if (!applyFieldErrors(form, error, t, locale)) setFailure(error);
    }
  };

  const submit = (values: Values) => {
    if (values.kind === RecordKind.CORRECTION) {
      modal.confirm({
        title: t('person.correctTitle'),
        content: t('person.confirmCorrect'),
        okText: t('common.confirm'),
        cancelText: t('common.cancel'),
        onOk: () => save(values),
      });
    } else {
      void save(values);
    }
  };

  return (
    <Modal
      open={open}
      title={t('person.editIdentity')}
      width={860}
      onCancel={onClose}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={update.isPending}
      onOk={() => form.submit()}
      destroyOnHidden
      forceRender
    >
      <FailureAlert error={failure} onReload={onReload} onClose={onClose} />
      <Form<Values> form={form} layout="vertical" onFinish={submit} name="person-identity" scrollToFirstError>
        <Form.Item name="kind" label={t('person.editKind')} rules={[{ required: true, message: t('validation.required') }]}>
          <Radio.Group
            data-testid="identity-kind"
            options={[
              { value: RecordKind.CHANGE, label: t('person.kindChange') },
              { value: RecordKind.CORRECTION, label: t('person.kindCorrection') },
            ]}
          />
        </Form.Item>
        <Typography.Paragraph type="secondary">
          {kind === RecordKind.CORRECTION ? t('person.correctionHint') : t('person.changeHint')}
        </Typography.Paragraph>
        <IdentityFields sensitive={sensitive} />
        <Form.Item
          name="reason"
          label={t('person.reason')}
          dependencies={['kind']}
          rules={reasonRules(t, kind === RecordKind.CORRECTION)}
        >
          <Input.TextArea rows={2} maxLength={LIMITS.reasonMaxLength} data-testid="identity-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
