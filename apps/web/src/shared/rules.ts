import { CODE_PATTERN, LIMITS, NAME_PATTERN } from '@canbo/shared';
import type { FormRule } from 'antd';
import type { TFunction } from 'i18next';

/** Client-side rules mirroring the API's validation (same limits and patterns, from @canbo/shared). */
export function nameRules(t: TFunction, options: { required?: boolean; max?: number } = {}): FormRule[] {
  const { required = true, max = LIMITS.nameMaxLength } = options;
  return [
    ...(required ? [{ required: true, whitespace: true, message: t('validation.required') }] : []),
    { max, message: t('validation.maxLength', { max }) },
    { pattern: NAME_PATTERN, message: t('validation.name') },
  ];
}

export function codeRules(t: TFunction): FormRule[] {
  return [
    { required: true, whitespace: true, message: t('validation.required') },
    { max: LIMITS.codeMaxLength, message: t('validation.maxLength', { max: LIMITS.codeMaxLength }) },
    { pattern: CODE_PATTERN, message: t('validation.code') },
  ];
}

export function countRules(t: TFunction, max: number = LIMITS.quotaMax): FormRule[] {
  return [
    { required: true, message: t('validation.required') },
    { type: 'integer', message: t('validation.integer') },
    { type: 'number', min: 0, message: t('validation.min0') },
    { type: 'number', max, message: t('validation.max', { max: max.toLocaleString('vi-VN') }) },
  ];
}

export function reasonRules(t: TFunction, required = false): FormRule[] {
  return [
    ...(required ? [{ required: true, whitespace: true, message: t('validation.required') }] : []),
    { max: LIMITS.reasonMaxLength, message: t('validation.maxLength', { max: LIMITS.reasonMaxLength }) },
    { pattern: /^[^<>]*$/u, message: t('validation.noMarkup') },
  ];
}

/** Optional free text (places, notes): bounded, markup characters refused, like the API's TextField. */
export function textRules(t: TFunction, max = 500): FormRule[] {
  return [
    { max, message: t('validation.maxLength', { max }) },
    { pattern: /^[^<>]*$/u, message: t('validation.noMarkup') },
  ];
}
