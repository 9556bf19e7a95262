/**
 * The 54 ethnic groups of Viet Nam with their official codes.
 * Source: Danh mục các dân tộc Việt Nam, Quyết định 121-TCTK/PPCĐ (1979), codes as used by the General Statistics Office. Codes 01-30 checked against several public code lists; 31-54 follow the same published order.
 */
export interface EthnicGroup {
  code: string;
  name: string;
}

export const ETHNIC_GROUPS: readonly EthnicGroup[] = [
  { code: '01', name: 'Kinh' },
  { code: '02', name: 'Tày' },
  { code: '03', name: 'Thái' },
  { code: '04', name: 'Hoa' },
  { code: '05', name: 'Khơ-me' },
  { code: '06', name: 'Mường' },
  { code: '07', name: 'Nùng' },
  { code: '08', name: 'HMông' },
  { code: '09', name: 'Dao' },
  { code: '10', name: 'Gia-rai' },
  { code: '11', name: 'Ngái' },
  { code: '12', name: 'Ê-đê' },
  { code: '13', name: 'Ba-na' },
  { code: '14', name: 'Xơ-Đăng' },
  { code: '15', name: 'Sán Chay' },
  { code: '16', name: 'Cơ-ho' },
  { code: '17', name: 'Chăm' },
  { code: '18', name: 'Sán Dìu' },
  { code: '19', name: 'Hrê' },
  { code: '20', name: 'Mnông' },
  { code: '21', name: 'Ra-glai' },
  { code: '22', name: 'Xtiêng' },
  { code: '23', name: 'Bru-Vân Kiều' },
  { code: '24', name: 'Thổ' },
  { code: '25', name: 'Giáy' },
  { code: '26', name: 'Cơ-tu' },
  { code: '27', name: 'Giẻ-Triêng' },
  { code: '28', name: 'Mạ' },
  { code: '29', name: 'Khơ-mú' },
  { code: '30', name: 'Co' },
  { code: '31', name: 'Tà-ôi' },
  { code: '32', name: 'Chơ-ro' },
  { code: '33', name: 'Kháng' },
  { code: '34', name: 'Xinh-mun' },
  { code: '35', name: 'Hà Nhì' },
  { code: '36', name: 'Chu-ru' },
  { code: '37', name: 'Lào' },
  { code: '38', name: 'La Chí' },
  { code: '39', name: 'La Ha' },
  { code: '40', name: 'Phù Lá' },
  { code: '41', name: 'La Hủ' },
  { code: '42', name: 'Lự' },
  { code: '43', name: 'Lô Lô' },
  { code: '44', name: 'Chứt' },
  { code: '45', name: 'Mảng' },
  { code: '46', name: 'Pà Thẻn' },
  { code: '47', name: 'Co Lao' },
  { code: '48', name: 'Cống' },
  { code: '49', name: 'Bố Y' },
  { code: '50', name: 'Si La' },
  { code: '51', name: 'Pu Péo' },
  { code: '52', name: 'Brâu' },
  { code: '53', name: 'Ơ Đu' },
  { code: '54', name: 'Rơ-măm' },
];

const BY_CODE = new Map(ETHNIC_GROUPS.map((g) => [g.code, g]));

/** Whether `value` is the code of one of the 54 ethnic groups ("01" Kinh ... "54"). */
export function isEthnicityCode(value: unknown): value is string {
  return typeof value === 'string' && BY_CODE.has(value);
}

/** The name of an ethnic group by its code (undefined for an unknown code). */
export function ethnicGroupName(code: string): string | undefined {
  return BY_CODE.get(code)?.name;
}

/** The code of the Kinh majority: every other group is an ethnic minority (dân tộc thiểu số). */
export const KINH_ETHNICITY_CODE = '01';

/** Whether a recorded ethnicity is a minority (any group but Kinh); an unrecorded one (null) is not. */
export function isEthnicMinority(code: string | null | undefined): boolean {
  return typeof code === 'string' && code !== '' && code !== KINH_ETHNICITY_CODE;
}
