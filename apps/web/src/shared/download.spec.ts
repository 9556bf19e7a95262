import { ErrorCode } from '@canbo/shared';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { form2cPath, personsXlsxPath } from '../modules/person/person-files';
import { downloadFile, fileNameFromDisposition, formatBytes } from './download';
import { ApiError } from './graphql-client';
import { getSession, signIn } from './session';

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('fileNameFromDisposition', () => {
  it('prefers the UTF-8 name (RFC 5987), NFC', () => {
    const header = `attachment; filename="Danh sach can bo - Xa My Duc.xlsx"; filename*=UTF-8''Danh%20s%C3%A1ch%20c%C3%A1n%20b%E1%BB%99%20-%20X%C3%A3%20M%E1%BB%B9%20%C4%90%E1%BB%A9c.xlsx`;
    expect(fileNameFromDisposition(header, 'x.xlsx')).toBe('Danh sách cán bộ - Xã Mỹ Đức.xlsx');
  });
  it('falls back to the plain name, then to the given name', () => {
    expect(fileNameFromDisposition('inline; filename="So yeu ly lich.pdf"', 'x.pdf')).toBe('So yeu ly lich.pdf');
    expect(fileNameFromDisposition(`inline; filename="a.pdf"; filename*=UTF-8''%E0%A4%A.pdf`, 'x.pdf')).toBe('a.pdf');
    expect(fileNameFromDisposition(null, 'x.pdf')).toBe('x.pdf');
  });
});

describe('export paths', () => {
  it('sends only the conditions set, as JSON, and the reference date', () => {
    const path = personsXlsxPath({ search: 'lê', unitId: 'u1', gender: null, staffCategory: undefined, ethnicityCode: '' }, '2025-12-31');
    const url = new URL(path, 'http://x');
    expect(url.pathname).toBe('/files/persons.xlsx');
    expect(JSON.parse(url.searchParams.get('filter')!)).toEqual({ search: 'lê', unitId: 'u1' });
    expect(url.searchParams.get('asOf')).toBe('2025-12-31');
    expect(personsXlsxPath({ gender: null }, null)).toBe('/files/persons.xlsx');
    expect(form2cPath('0f0e-1')).toBe('/files/persons/0f0e-1/form-2c.pdf');
  });
});

describe('downloadFile', () => {
  let fetchMock: ReturnType<typeof vi.fn>;
  beforeEach(() => {
    fetchMock = vi.fn();
    vi.stubGlobal('fetch', fetchMock);
  });
  afterEach(() => vi.unstubAllGlobals());

  it('sends the access token, renews it once when expired, and reports the bytes received with the row count', async () => {
    fetchMock.mockImplementation(async (url: string, init: RequestInit) => {
      const auth = (init.headers as Record<string, string>)?.authorization;
      if (url === '/auth/sign-in') return json(200, { accessToken: 'old', expiresIn: 900, mustChangePassword: false });
      if (url === '/auth/refresh') return json(200, { accessToken: 'new', expiresIn: 900, mustChangePassword: false });
      if (auth !== 'Bearer new') return json(401, { code: ErrorCode.UNAUTHENTICATED, message: 'Phiên đăng nhập đã hết hạn' });
      return new Response(new Uint8Array([1, 2, 3, 4, 5]), {
        status: 200,
        headers: {
          'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          'content-disposition': `attachment; filename="a.xlsx"; filename*=UTF-8''Danh%20s%C3%A1ch.xlsx`,
          'x-total-count': '47557',
        },
      });
    });
    await signIn('a', 'secret');
    const progress: { received: number; count: number | null }[] = [];
    const file = await downloadFile('/files/persons.xlsx', 'fallback.xlsx', { onProgress: (p) => progress.push(p) });
    expect(file.fileName).toBe('Danh sách.xlsx');
    expect(file.blob.size).toBe(5);
    expect(file.blob.type).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(progress[progress.length - 1]).toEqual({ received: 5, count: 47557 });
    expect(getSession().accessToken).toBe('new');
    expect(fetchMock.mock.calls.filter(([url]) => url === '/files/persons.xlsx')).toHaveLength(2);
  });

  it('turns an error answer into an ApiError with the server code, message and field errors', async () => {
    fetchMock.mockImplementation(async (url: string) => {
      if (url === '/auth/sign-in') return json(200, { accessToken: 'tok', expiresIn: 900, mustChangePassword: false });
      return json(400, {
        code: ErrorCode.BAD_USER_INPUT,
        message: 'asOf: Ngày không hợp lệ (định dạng YYYY-MM-DD)',
        fields: [{ field: 'asOf', code: 'INVALID_DATE', message: 'Ngày không hợp lệ (định dạng YYYY-MM-DD)' }],
      });
    });
    await signIn('a', 'secret');
    const error = await downloadFile('/files/persons.xlsx?asOf=x', 'f.xlsx').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: ErrorCode.BAD_USER_INPUT, fields: [{ field: 'asOf' }] });

    fetchMock.mockImplementation(async () => json(404, { code: ErrorCode.NOT_FOUND, message: 'Không tìm thấy hồ sơ' }));
    await expect(downloadFile('/files/persons/x/form-2c.pdf', 'f.pdf')).rejects.toMatchObject({ code: ErrorCode.NOT_FOUND, message: 'Không tìm thấy hồ sơ' });

    fetchMock.mockImplementation(async () => {
      throw new TypeError('Failed to fetch');
    });
    await expect(downloadFile('/files/persons.xlsx', 'f.xlsx')).rejects.toMatchObject({ code: 'NETWORK' });
  });
});

describe('formatBytes', () => {
  it('in the locale', () => {
    expect(formatBytes(3.5 * 1024 * 1024, 'vi')).toBe('3,5 MB');
    expect(formatBytes(3.5 * 1024 * 1024, 'en')).toBe('3.5 MB');
    expect(formatBytes(2048, 'vi')).toBe('2 KB');
  });
});
