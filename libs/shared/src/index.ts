export * from './enums';
export * from './error-codes';
export * from './labels';
export * from './permissions';
export * from './rules';
export * from './text';
export * from './validation';
export * from './auth';
