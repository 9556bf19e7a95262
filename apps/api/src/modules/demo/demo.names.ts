import { Gender } from '@canbo/shared';
import { Random } from './demo.random';

/** The ethnic groups of the demo province and their codes (libs/shared ethnic-groups.ts). */
export enum DemoEthnicity {
  KINH = '01',
  HOA = '04',
  KHMER = '05',
  CHAM = '17',
}

type Weighted = readonly (readonly [string, number])[];

/** Family names of the Mekong delta, weighted roughly by frequency (Huỳnh and Võ more than Hoàng and Vũ). */
const KINH_FAMILY: Weighted = [
  ['Nguyễn', 310],
  ['Trần', 110],
  ['Lê', 95],
  ['Phạm', 60],
  ['Huỳnh', 55],
  ['Võ', 45],
  ['Phan', 40],
  ['Trương', 22],
  ['Đặng', 18],
  ['Bùi', 16],
  ['Đỗ', 14],
  ['Ngô', 14],
  ['Hồ', 14],
  ['Dương', 12],
  ['Lý', 10],
  ['Đinh', 8],
  ['Lâm', 8],
  ['Mai', 7],
  ['Châu', 7],
  ['Cao', 6],
  ['Tô', 6],
  ['Đoàn', 6],
  ['Lưu', 5],
  ['Thái', 5],
  ['Tạ', 4],
  ['Quách', 4],
  ['Hoàng', 4],
  ['Vũ', 3],
  ['La', 3],
  ['Kiều', 2],
  ['Từ', 2],
];
const KINH_MIDDLE_MALE: Weighted = [
  ['Văn', 45],
  ['Minh', 10],
  ['Hữu', 8],
  ['Quốc', 8],
  ['Thanh', 7],
  ['Công', 5],
  ['Tấn', 5],
  ['Hoàng', 4],
  ['Trung', 4],
  ['Phước', 3],
  ['Thành', 3],
  ['Chí', 3],
  ['Duy', 3],
  ['Hoài', 2],
  ['Nhật', 2],
  ['Gia', 2],
  ['Đức', 2],
  ['Ngọc', 2],
];
const KINH_MIDDLE_FEMALE: Weighted = [
  ['Thị', 45],
  ['Ngọc', 10],
  ['Thanh', 6],
  ['Kim', 6],
  ['Mỹ', 5],
  ['Thu', 4],
  ['Hồng', 4],
  ['Bích', 3],
  ['Phương', 3],
  ['Thúy', 3],
  ['Minh', 3],
  ['Như', 3],
  ['Cẩm', 2],
  ['Diễm', 2],
  ['Khánh', 2],
  ['Tuyết', 2],
];
const KINH_GIVEN_MALE = [
  'An', 'Bảo', 'Bình', 'Cường', 'Dũng', 'Duy', 'Đạt', 'Định', 'Đông', 'Giang', 'Hải', 'Hào', 'Hậu', 'Hiếu', 'Hòa', 'Hoàng', 'Huy',
  'Hùng', 'Hưng', 'Khải', 'Khang', 'Khoa', 'Kiệt', 'Lâm', 'Lộc', 'Long', 'Luân', 'Minh', 'Nam', 'Nghĩa', 'Nhân', 'Phát', 'Phong',
  'Phúc', 'Phương', 'Quang', 'Quân', 'Sang', 'Sơn', 'Tài', 'Tâm', 'Tân', 'Thái', 'Thắng', 'Thành', 'Thiện', 'Thịnh', 'Toàn', 'Trí',
  'Trung', 'Tuấn', 'Tùng', 'Việt', 'Vinh', 'Vũ', 'Khánh', 'Nhựt', 'Tín', 'Lợi', 'Trọng',
];
const KINH_GIVEN_FEMALE = [
  'Anh', 'Bích', 'Châu', 'Diễm', 'Dung', 'Duyên', 'Giang', 'Hà', 'Hạnh', 'Hằng', 'Hiền', 'Hoa', 'Hồng', 'Huyền', 'Hương', 'Lan',
  'Liên', 'Linh', 'Loan', 'Mai', 'My', 'Ngân', 'Ngọc', 'Nhi', 'Nhung', 'Oanh', 'Phượng', 'Quyên', 'Tâm', 'Thảo', 'Thu', 'Thủy',
  'Thư', 'Trang', 'Trâm', 'Trinh', 'Tuyết', 'Uyên', 'Vân', 'Vy', 'Xuân', 'Yến', 'Nguyệt', 'Thắm', 'Kiều', 'Ngoan',
];

/** Khmer people of An Giang and Kiên Giang: Chau (men) and Néang (women) in An Giang, Danh and Thị in Kiên Giang. */
const KHMER_FAMILY_MALE: Weighted = [
  ['Chau', 30],
  ['Danh', 22],
  ['Thạch', 14],
  ['Sơn', 10],
  ['Kim', 8],
  ['Lâm', 5],
  ['Lý', 4],
  ['Trần', 4],
  ['Huỳnh', 3],
];
const KHMER_FAMILY_FEMALE: Weighted = [
  ['Néang', 28],
  ['Thị', 20],
  ['Thạch Thị', 12],
  ['Danh Thị', 10],
  ['Sơn Thị', 8],
  ['Kim Thị', 6],
  ['Lâm Thị', 4],
];
const KHMER_GIVEN_MALE = [
  'Sóc Kha', 'Ty', 'Sây', 'Phol', 'Sa Rinh', 'Ra', 'Vuthy', 'Sóc Ken', 'Sang', 'Thol', 'Sóc', 'Kim Sang', 'Phon', 'Sa Vân', 'Hênh',
  'Sóc Thy', 'Chanh Ra', 'Thạnh', 'Đa Ra', 'Som Bat', 'Ni', 'Rươne', 'Sa Um', 'Khen',
];
const KHMER_GIVEN_FEMALE = [
  'Sa Rinh', 'Sô Phia', 'Sa Rươl', 'Chanh Đa', 'Kim Sươl', 'Mơ Ra', 'Sa Vy', 'Chanh Thu', 'Sóc Na', 'Ka Ry', 'Sa Lên', 'Ni Ta',
  'Sô Khum', 'Srây Mum', 'Phal La', 'Sa Phia', 'Kim Thy', 'Đa Ni',
];

const HOA_FAMILY: Weighted = [
  ['Lâm', 14],
  ['Quách', 10],
  ['Trương', 10],
  ['Tăng', 8],
  ['Mã', 6],
  ['Lưu', 6],
  ['Thái', 6],
  ['Hứa', 6],
  ['La', 5],
  ['Lý', 8],
  ['Trịnh', 4],
  ['Diệp', 4],
  ['Từ', 3],
  ['Châu', 4],
  ['Quan', 3],
];
const HOA_MIDDLE_MALE = ['Văn', 'Quốc', 'Khải', 'Gia', 'Chí', 'Vĩnh'];
const HOA_MIDDLE_FEMALE = ['Thị', 'Mỹ', 'Ngọc', 'Huệ', 'Tú', 'Bảo'];
const HOA_GIVEN_MALE = ['Cường', 'Vinh', 'Phát', 'Mẫn', 'Khiết', 'Hưng', 'Thành', 'Quang', 'Kiệt', 'Hào', 'Tường', 'Hiền'];
const HOA_GIVEN_FEMALE = ['Hoa', 'Huệ', 'Quyên', 'Linh', 'Mẫn', 'Phụng', 'Nghi', 'Trân', 'Lệ', 'Khanh', 'Mai', 'Ngọc'];

/** Chăm people of An Giang (Muslim communities of An Phú, Tân Châu, Châu Phú). */
const CHAM_MALE = ['Mohamad Ali', 'Ysa', 'Ka Sim', 'Mu Sa', 'Ha Sanh', 'Sa Mách', 'Mách Sa Ly', 'Ya Cốp', 'Ismael', 'Abdul Ha Lim', 'Su Lây Man', 'Ha Ru Na'];
const CHAM_FEMALE = ['Ma Ry Ya', 'Ha Ly Ma', 'Ka Ri Ma', 'Sa Ly Ha', 'Ma Ri A', 'Ry Sa', 'Ha Mi Đa', 'Sa Phi Da', 'Fa Ti Mah', 'Ai Sah', 'Ro Ki Ah', 'Ma Ri Am'];
const CHAM_FAMILY: Weighted = [
  ['', 40],
  ['Mohamad', 8],
  ['Ha', 6],
  ['Sa', 6],
  ['Ly', 4],
];

export interface DemoName {
  fullName: string;
  otherNames: string | null;
}

/** A realistic name for a person of an ethnic group and gender. */
export function demoName(rng: Random, ethnicity: DemoEthnicity, gender: Gender): DemoName {
  const female = gender === Gender.FEMALE;
  switch (ethnicity) {
    case DemoEthnicity.KHMER: {
      const family = rng.weighted(female ? KHMER_FAMILY_FEMALE : KHMER_FAMILY_MALE);
      const given = rng.pick(female ? KHMER_GIVEN_FEMALE : KHMER_GIVEN_MALE);
      return { fullName: `${family} ${given}`, otherNames: null };
    }
    case DemoEthnicity.HOA: {
      const family = rng.weighted(HOA_FAMILY);
      const given = rng.pick(female ? HOA_GIVEN_FEMALE : HOA_GIVEN_MALE);
      const middles = (female ? HOA_MIDDLE_FEMALE : HOA_MIDDLE_MALE).filter((m) => m !== given);
      const middle = rng.pick(middles);
      return { fullName: `${family} ${middle} ${given}`, otherNames: rng.chance(0.2) ? `A ${given}` : null };
    }
    case DemoEthnicity.CHAM: {
      const family = rng.weighted(CHAM_FAMILY);
      const given = rng.pick(female ? CHAM_FEMALE : CHAM_MALE);
      return { fullName: family && !given.startsWith(family) ? `${family} ${given}` : given, otherNames: null };
    }
    default: {
      const family = rng.weighted(KINH_FAMILY);
      const middle = rng.weighted(female ? KINH_MIDDLE_FEMALE : KINH_MIDDLE_MALE);
      const given = rng.pick(female ? KINH_GIVEN_FEMALE : KINH_GIVEN_MALE);
      // some southern names carry two middle names ("Nguyễn Thị Ngọc Hân")
      const second = rng.chance(0.12) ? rng.weighted(female ? KINH_MIDDLE_FEMALE : KINH_MIDDLE_MALE) : '';
      const middles = [middle, second].filter((m, i, all) => m && m !== given && all.indexOf(m) === i);
      return { fullName: [family, ...middles, given].join(' '), otherNames: null };
    }
  }
}

/** The religion a person declares (sensitive), by ethnic group and area: Hòa Hảo Buddhism is An Giang's own. */
export function demoReligion(rng: Random, ethnicity: DemoEthnicity): string {
  switch (ethnicity) {
    case DemoEthnicity.KHMER:
      return rng.weighted([
        ['Phật giáo Nam tông Khmer', 85],
        ['Không', 15],
      ]);
    case DemoEthnicity.CHAM:
      return 'Hồi giáo';
    case DemoEthnicity.HOA:
      return rng.weighted([
        ['Phật giáo', 40],
        ['Không', 60],
      ]);
    default:
      return rng.weighted([
        ['Không', 62],
        ['Phật giáo', 14],
        ['Phật giáo Hòa Hảo', 14],
        ['Cao Đài', 5],
        ['Công giáo', 5],
      ]);
  }
}
