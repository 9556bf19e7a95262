import { ErrorCode, PERMISSIONS, StaffCategory } from '@canbo/shared';
import type { DataSource } from 'typeorm';
import { Principal } from '../../../core/permissions/principal';
import { Scope } from '../../../core/permissions/scope';
import type { AuditService } from '../../audit/audit.service';
import type { PersonService } from '../../person/person.service';
import { asciiFileName, contentDisposition } from '../../../core/http/file-answers';
import {
  EXPORT_COLUMNS,
  exportColumns,
  exportFileName,
  MAX_CONCURRENT_EXPORTS,
  parseListQuery,
  PersonExportService,
} from '../person-export.service';

async function fieldOf(promise: Promise<unknown>): Promise<string> {
  const error = (await promise.then(
    () => null,
    (e: unknown) => e,
  )) as { extensions?: { code?: string; fields?: { field: string }[] } } | null;
  expect(error?.extensions?.code).toBe(ErrorCode.BAD_USER_INPUT);
  return error!.extensions!.fields![0].field;
}

describe('parseListQuery', () => {
  test('a PersonFilter as JSON and a date; empty parameters mean no filter and today', async () => {
    const args = await parseListQuery(JSON.stringify({ unitId: '0b0c3b8e-3c1e-4c53-9d5c-0f3c7b1a2d4e', staffCategory: 'CADRE', search: ' Lê  Văn ' }), '2025-12-31');
    expect(args.asOf).toBe('2025-12-31');
    expect(args.filter).toMatchObject({ unitId: '0b0c3b8e-3c1e-4c53-9d5c-0f3c7b1a2d4e', staffCategory: StaffCategory.CADRE, search: 'Lê Văn' });
    expect(await parseListQuery(undefined, undefined)).toEqual({ filter: null, asOf: null });
    expect(await parseListQuery('', '')).toEqual({ filter: null, asOf: null });
    expect(await parseListQuery('null', undefined)).toEqual({ filter: null, asOf: null });
  });

  test('each bad parameter names its field', async () => {
    expect(await fieldOf(parseListQuery('{', undefined))).toBe('filter');
    expect(await fieldOf(parseListQuery('"text"', undefined))).toBe('filter');
    expect(await fieldOf(parseListQuery(['{}', '{}'], undefined))).toBe('filter');
    expect(await fieldOf(parseListQuery('{"ageBand":"OLD"}', undefined))).toBe('filter.ageBand');
    expect(await fieldOf(parseListQuery('{"titleId":42}', undefined))).toBe('filter.titleId');
    expect(await fieldOf(parseListQuery('{"page":2}', undefined))).toBe('filter.page');
    expect(await fieldOf(parseListQuery(undefined, '2025-13-01'))).toBe('asOf');
    expect(await fieldOf(parseListQuery(undefined, '2101-01-01'))).toBe('asOf');
    expect(await fieldOf(parseListQuery(undefined, ['2025-01-01']))).toBe('asOf');
  });
});

describe('columns and names', () => {
  test('the sensitive columns are those of the sensitive identity fields, left out without the permission', () => {
    const sensitive = EXPORT_COLUMNS.filter((c) => c.sensitive).map((c) => c.header);
    expect(sensitive).toEqual(['Số định danh cá nhân', 'Dân tộc', 'Tôn giáo', 'Ngày vào Đảng', 'Ngày chính thức', 'Số thẻ đảng viên', 'Tình trạng sức khỏe']);
    expect(exportColumns(false).some((c) => c.sensitive)).toBe(false);
    expect(exportColumns(true)).toHaveLength(EXPORT_COLUMNS.length);
  });

  test('file names and Content-Disposition: the Vietnamese name in filename*, an ASCII stand-in in filename', () => {
    expect(exportFileName('2025-12-31', 'Xã Mỹ Đức')).toBe('Danh sách cán bộ - Xã Mỹ Đức - 31-12-2025.xlsx');
    expect(exportFileName('2025-12-31', null)).toBe('Danh sách cán bộ - 31-12-2025.xlsx');
    expect(asciiFileName('Sơ yếu lý lịch 2C - Đặng "Văn" Ơn/Út.pdf')).toBe('So yeu ly lich 2C - Dang _Van_ On_Ut.pdf');
    const header = contentDisposition('attachment', 'Danh sách (Xã Mỹ Đức).xlsx');
    expect(header).toBe(
      `attachment; filename="Danh sach (Xa My Duc).xlsx"; filename*=UTF-8''Danh%20s%C3%A1ch%20%28X%C3%A3%20M%E1%BB%B9%20%C4%90%E1%BB%A9c%29.xlsx`,
    );
    // NFD input comes out NFC
    expect(contentDisposition('inline', 'Mỹ'.normalize('NFD'))).toContain(`filename*=UTF-8''M%E1%BB%B9`);
  });
});

describe('concurrent exports', () => {
  test(`at most ${MAX_CONCURRENT_EXPORTS} at a time: the next one is refused (429) until one gives its connection back`, async () => {
    const runners: { released: boolean; rolledBack: boolean }[] = [];
    const dataSource = {
      manager: {},
      createQueryRunner: () => {
        const state = { released: false, rolledBack: false };
        runners.push(state);
        return {
          manager: { findOne: async () => null },
          connect: async () => undefined,
          startTransaction: async () => undefined,
          query: async () => undefined,
          rollbackTransaction: async () => {
            state.rolledBack = true;
          },
          release: async () => {
            state.released = true;
          },
        };
      },
    } as unknown as DataSource;
    const persons = { count: async () => 3 } as unknown as PersonService;
    const audit = { record: async () => undefined } as unknown as AuditService;
    const service = new PersonExportService(dataSource, persons, audit);
    const viewer = new Principal('USER' as never, 'u', 'viewer', [
      { roleId: 'r', roleCode: 'viewer', permissions: new Set([PERMISSIONS.PERSONNEL_READ]), allUnits: true, unitIds: [], categories: null },
    ]);
    const scope = Scope.everything();

    const held = [];
    for (let i = 0; i < MAX_CONCURRENT_EXPORTS; i++) held.push(await service.prepareXlsx({ filter: null, asOf: '2025-12-31' }, scope, viewer));
    expect(held[0].count).toBe(3);
    const refused = await service.prepareXlsx({ filter: null, asOf: '2025-12-31' }, scope, viewer).catch((e: unknown) => e);
    expect(refused).toMatchObject({ extensions: { code: ErrorCode.TOO_MANY_REQUESTS, retryAfter: expect.any(Number) } });
    expect(runners).toHaveLength(MAX_CONCURRENT_EXPORTS);

    await held[0].release();
    await held[0].release(); // twice is once
    expect(runners[0]).toEqual({ released: true, rolledBack: true });
    const next = await service.prepareXlsx({ filter: null, asOf: '2025-12-31' }, scope, viewer);
    expect(next.count).toBe(3);

    // a failure while preparing gives the slot and the connection back too
    await next.release();
    const failing = new PersonExportService(dataSource, { count: async () => Promise.reject(new Error('boom')) } as unknown as PersonService, audit);
    for (let i = 0; i < MAX_CONCURRENT_EXPORTS + 1; i++) {
      await expect(failing.prepareXlsx({ filter: null, asOf: null }, scope, viewer)).rejects.toThrow('boom');
    }
    expect(runners.slice(-MAX_CONCURRENT_EXPORTS - 1).every((r) => r.released)).toBe(true);
  });
});
