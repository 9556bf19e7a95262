import { ErrorCode, ImportJobStatus } from '@canbo/shared';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../shared/graphql-client';
import { progressPercent, uploadImport } from './import-api';

describe('progress of an import job', () => {
  it('validation fills the first half, the import the second; queued 0, succeeded 100', () => {
    expect(progressPercent({ status: ImportJobStatus.QUEUED, processedRows: 0, totalRows: 100 })).toBe(0);
    expect(progressPercent({ status: ImportJobStatus.VALIDATING, processedRows: 50, totalRows: 100 })).toBe(25);
    expect(progressPercent({ status: ImportJobStatus.IMPORTING, processedRows: 0, totalRows: 100 })).toBe(50);
    expect(progressPercent({ status: ImportJobStatus.IMPORTING, processedRows: 100, totalRows: 100 })).toBe(100);
    expect(progressPercent({ status: ImportJobStatus.SUCCEEDED, processedRows: 3, totalRows: 100 })).toBe(100);
    // more rows than announced (blank rows counted by the file) never passes the phase's share
    expect(progressPercent({ status: ImportJobStatus.VALIDATING, processedRows: 150, totalRows: 100 })).toBe(50);
    expect(progressPercent({ status: ImportJobStatus.VALIDATING, processedRows: 3, totalRows: null })).toBe(50);
  });
});

describe('upload', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('sends the file as multipart field "file" and turns a refusal into an ApiError with the server’s message', async () => {
    const fetchMock = vi.fn(async () =>
      new Response(JSON.stringify({ code: 'BAD_USER_INPUT', message: 'file: x', fields: [{ field: 'file', code: 'INVALID_VALUE', message: 'Tệp là PDF' }] }), {
        status: 400,
        headers: { 'content-type': 'application/json' },
      }),
    );
    vi.stubGlobal('fetch', fetchMock);
    const error = await uploadImport(new File(['%PDF-1.4'], 'ho-so.xlsx')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe(ErrorCode.BAD_USER_INPUT);
    expect((error as ApiError).fields[0].message).toBe('Tệp là PDF');
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/files/imports');
    expect(init.method).toBe('POST');
    expect((init.body as FormData).get('file')).toBeInstanceOf(File);
  });
});
