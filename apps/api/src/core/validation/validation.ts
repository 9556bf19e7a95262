import { FieldError, FieldErrorCode, LIMITS, NAME_PATTERN, normalizeText, CODE_PATTERN } from '@canbo/shared';
import { applyDecorators, ValidationPipe } from '@nestjs/common';
import { Transform } from 'class-transformer';
import {
  Allow,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidationError,
} from 'class-validator';
import { BadUserInputError } from '../errors/app-errors';

const CONSTRAINT_CODES: Record<string, FieldErrorCode> = {
  isNotEmpty: FieldErrorCode.REQUIRED,
  isDefined: FieldErrorCode.REQUIRED,
  maxLength: FieldErrorCode.TOO_LONG,
  matches: FieldErrorCode.INVALID_CHARACTERS,
  isString: FieldErrorCode.INVALID_VALUE,
  isEnum: FieldErrorCode.INVALID_VALUE,
  isIn: FieldErrorCode.INVALID_VALUE,
  isInt: FieldErrorCode.OUT_OF_RANGE,
  min: FieldErrorCode.OUT_OF_RANGE,
  max: FieldErrorCode.OUT_OF_RANGE,
  isUuid: FieldErrorCode.INVALID_VALUE,
  arrayMaxSize: FieldErrorCode.OUT_OF_RANGE,
};

/** Flattens class-validator errors into one entry per field (its first failed constraint). */
export function toFieldErrors(errors: ValidationError[], prefix = ''): FieldError[] {
  const result: FieldError[] = [];
  for (const error of errors) {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    if (error.constraints) {
      const [name, message] = Object.entries(error.constraints)[0];
      result.push({ field, code: CONSTRAINT_CODES[name] ?? FieldErrorCode.INVALID_VALUE, message });
    }
    if (error.children?.length) result.push(...toFieldErrors(error.children, field));
  }
  return result;
}

export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    transform: true,
    whitelist: true,
    forbidUnknownValues: false,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new BadUserInputError(toFieldErrors(errors)),
  });
}

const nfc = () =>
  Transform(({ value }) => (typeof value === 'string' ? normalizeText(value) : value), { toClassOnly: true });

/** A required name (unit, body, title): NFC, trimmed, not empty, bounded, no markup or SQL metacharacters. */
export function NameField(max: number = LIMITS.nameMaxLength, optional = false) {
  return applyDecorators(
    nfc(),
    ...(optional ? [IsOptional()] : []),
    IsString({ message: 'Phải là chuỗi ký tự' }),
    IsNotEmpty({ message: 'Không được để trống' }),
    MaxLength(max, { message: `Không được dài quá ${max} ký tự` }),
    Matches(NAME_PATTERN, {
      message: 'Chỉ được dùng chữ, số, khoảng trắng và các dấu . , ( ) / & -',
    }),
  );
}

/** Free text such as a reason: NFC, bounded; markup characters refused. */
export function TextField(max: number = LIMITS.reasonMaxLength) {
  return applyDecorators(
    nfc(),
    IsOptional(),
    IsString({ message: 'Phải là chuỗi ký tự' }),
    MaxLength(max, { message: `Không được dài quá ${max} ký tự` }),
    Matches(/^[^<>]*$/u, { message: 'Không được chứa ký tự < hoặc >' }),
  );
}

export function CodeField(optional = false) {
  return applyDecorators(
    Transform(({ value }) => (typeof value === 'string' ? value.trim() : value), { toClassOnly: true }),
    ...(optional ? [IsOptional()] : []),
    IsString({ message: 'Phải là chuỗi ký tự' }),
    IsNotEmpty({ message: 'Không được để trống' }),
    MaxLength(LIMITS.codeMaxLength, { message: `Không được dài quá ${LIMITS.codeMaxLength} ký tự` }),
    Matches(CODE_PATTERN, { message: 'Chỉ được dùng chữ thường không dấu, số và các dấu . _ -' }),
  );
}

export function CountField(max: number = LIMITS.quotaMax) {
  return applyDecorators(
    IsInt({ message: 'Phải là số nguyên' }),
    Min(0, { message: 'Không được là số âm' }),
    Max(max, { message: `Không được lớn hơn ${max.toLocaleString('vi-VN')}` }),
  );
}

/** A search text: NFC, bounded; any characters allowed (it is bound as a parameter, never spliced into SQL). */
export function SearchField() {
  return applyDecorators(
    nfc(),
    IsOptional(),
    IsString({ message: 'Phải là chuỗi ký tự' }),
    MaxLength(LIMITS.searchMaxLength, { message: `Không được dài quá ${LIMITS.searchMaxLength} ký tự` }),
  );
}

/** A LocalDate field: the scalar already refused malformed dates; this keeps the field through whitelisting. */
export function DateField(optional = false) {
  return applyDecorators(Allow(), ...(optional ? [IsOptional()] : []));
}
