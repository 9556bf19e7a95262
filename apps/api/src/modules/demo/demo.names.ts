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
  'Sóc Thy', 'Chanh Ra', 'Thạnh', 'Đa Ra', 'Som Bat', 'Ni', 'Rươne', 'Sa Um', 'Khen', 'Sóc Phon', 'Phi Rum', 'Sa Ri', 'Oanh', 'Nal',
  'Kha Rôl', 'Sô Phal', 'Pho', 'Sa Mon', 'Rết', 'Chanh Thol', 'Bol', 'Sa Ráth', 'Thi', 'Sóc Na', 'Sươne', 'Ren', 'Út', 'Sa Vươn',
  'Sóc Ly', 'Sa Rát', 'Kim Nal', 'Thuận', 'Phươne', 'Ry', 'Sa Khon', 'Đa Rươne', 'Kông', 'Sóc Pheng', 'Tha', 'Pôl', 'Samnang',
];
const KHMER_GIVEN_FEMALE = [
  'Sa Rinh', 'Sô Phia', 'Sa Rươl', 'Chanh Đa', 'Kim Sươl', 'Mơ Ra', 'Sa Vy', 'Chanh Thu', 'Sóc Na', 'Ka Ry', 'Sa Lên', 'Ni Ta',
  'Sô Khum', 'Srây Mum', 'Phal La', 'Sa Phia', 'Kim Thy', 'Đa Ni', 'Sa Phon', 'Sóc Thy', 'Chanh Ty', 'Sa Ry', 'Kim Hoa', 'Sa Rây',
  'Chanh Na', 'Sô Phô', 'Mum', 'Sa Mây', 'Kim Liên', 'Đa Vy', 'Sa Lút', 'Phanh', 'Sóc Khum', 'Chanh Thy', 'Sa Ly', 'Ny',
  'Sa Rết', 'Thi Đa', 'Kim Ngân', 'Sô Ra', 'Phon La', 'Chanh Mơ', 'Sa Khon', 'Ra Vy', 'Sây Mây', 'Bô Pha',
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
const HOA_MIDDLE_MALE = ['Văn', 'Quốc', 'Khải', 'Gia', 'Chí', 'Vĩnh', 'Kiến', 'Tuấn', 'Hán', 'Chấn', 'Minh', 'Thiếu'];
const HOA_MIDDLE_FEMALE = ['Thị', 'Mỹ', 'Ngọc', 'Huệ', 'Tú', 'Bảo', 'Lệ', 'Tuyết', 'Mẫn', 'Kim', 'Uyển', 'Thục'];
const HOA_GIVEN_MALE = [
  'Cường', 'Vinh', 'Phát', 'Mẫn', 'Khiết', 'Hưng', 'Thành', 'Quang', 'Kiệt', 'Hào', 'Tường', 'Hiền', 'Hoa', 'Lương', 'Hùng', 'Minh',
  'Khang', 'Tài', 'Phong', 'Lâm', 'Xương', 'Huy', 'Trung', 'Khôn', 'Nghĩa', 'Đức', 'Quyền', 'Sinh',
];
const HOA_GIVEN_FEMALE = [
  'Hoa', 'Huệ', 'Quyên', 'Linh', 'Mẫn', 'Phụng', 'Nghi', 'Trân', 'Lệ', 'Khanh', 'Mai', 'Ngọc', 'Anh', 'Châu', 'Hân', 'Thanh', 'Vân',
  'Yến', 'Tâm', 'Bình', 'Nga', 'Phương', 'Quỳnh', 'Lan',
];

/**
 * Chăm people of An Giang (Muslim communities of An Phú, Tân Châu, Châu Phú): a personal name, often followed by the
 * father's name as the civil registry writes it ("Ysa Ly", "Ma Ri Da Mohamad"); a few carry a family name first.
 */
const CHAM_MALE = [
  'Mohamad', 'Ali', 'Ysa', 'Ka Sim', 'Mu Sa', 'Ha Sanh', 'Sa Mách', 'Mách Sa Ly', 'Ya Cốp', 'Ismael', 'Abdul', 'Su Lây Man', 'Ha Ru Na',
  'Ha Kim', 'Sa Lết', 'Ma Hết', 'Ro Slan', 'Ha Mít', 'Yu Sốp', 'Ka Ri', 'Ab Ras', 'Mu Hamad', 'Sa Ri', 'Ha Lim', 'Tô Lết', 'Ya Kốp',
  'Ha Sân', 'Ô Ma', 'Sô Lây', 'Ka Rim', 'Mách Mút', 'Y Ma', 'Sa Lim', 'Ha Ri', 'Rô Sa Ly', 'Ma Sa', 'Ku Sên', 'Sa Man',
  'Ha Na Phi', 'Du Sốp', 'Ly', 'Ros', 'Tôn', 'Man',
];
const CHAM_FEMALE = [
  'Ma Ry Ya', 'Ha Ly Ma', 'Ka Ri Ma', 'Sa Ly Ha', 'Ma Ri A', 'Ry Sa', 'Ha Mi Đa', 'Sa Phi Da', 'Fa Ti Mah', 'Ai Sah', 'Ro Ki Ah',
  'Ma Ri Am', 'Ha Va', 'Sa Ri Da', 'Ma Ri Da', 'Ha Li Mah', 'Sa Ky Nah', 'Ro Hani', 'Na Sa', 'Ka Đi Jah', 'Ha Sa Nah', 'Mah Ri Ya',
  'Sô Phi Ah', 'Ha Ni Sah', 'Zai Nap', 'Ro Ma Ly', 'Sa Mi Ah', 'Fa Ri Đah', 'Nu Ri Ah', 'Ha Ja Rah', 'Sa Ly Mah', 'Ka Li Mah',
  'Ai Ni', 'Ro Sa Ly', 'Mu Ni Rah', 'Sa Phi Ya',
];
const CHAM_FAMILY: Weighted = [
  ['', 40],
  ['Mohamad', 5],
  ['Ha', 4],
  ['Sa', 4],
  ['Ly', 3],
  ['Mách', 2],
  ['Ka', 2],
];
/** Middle names that open the middle of a Kinh name and never follow another ("Văn", "Thị"). */
const OPENING_MIDDLES = new Set(['Văn', 'Thị']);

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
      const pool = female ? KHMER_GIVEN_FEMALE : KHMER_GIVEN_MALE;
      const given = rng.pick(pool);
      // a short given name often takes a second one ("Chau Phol Sa Rinh")
      const more = given.split(' ').length === 1 && rng.chance(0.5) ? rng.pick(pool.filter((g) => g !== given)) : '';
      return { fullName: [family, given, more].filter(Boolean).join(' '), otherNames: null };
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
      const own = rng.pick(female ? CHAM_FEMALE : CHAM_MALE);
      // most carry the father's name after their own
      const father = rng.chance(0.8) ? rng.pick(CHAM_MALE.filter((m) => m !== own)) : '';
      const given = father ? `${own} ${father}` : own;
      return { fullName: family && !given.startsWith(family) ? `${family} ${given}` : given, otherNames: null };
    }
    default: {
      const family = rng.weighted(KINH_FAMILY);
      const middlePool = female ? KINH_MIDDLE_FEMALE : KINH_MIDDLE_MALE;
      const middle = rng.weighted(middlePool);
      const given = rng.pick(female ? KINH_GIVEN_FEMALE : KINH_GIVEN_MALE);
      // some southern names carry two middle names ("Nguyễn Thị Ngọc Hân"): Văn or Thị only ever opens the middle
      const second = rng.chance(0.12) ? rng.weighted(middlePool.filter(([m]) => !OPENING_MIDDLES.has(m) && m !== middle)) : '';
      const middles = [middle, second].filter((m) => m && m !== given);
      return { fullName: [family, ...middles, given].join(' '), otherNames: null };
    }
  }
}

/**
 * The name of a relative: with `family`, a Kinh or Hoa name takes that family name (a child takes the father's);
 * Khmer and Chăm names are drawn whole.
 */
export function demoRelativeName(rng: Random, ethnicity: DemoEthnicity, gender: Gender, family: string | null): string {
  const name = demoName(rng, ethnicity, gender).fullName;
  if (!family || (ethnicity !== DemoEthnicity.KINH && ethnicity !== DemoEthnicity.HOA)) return name;
  return `${family}${name.slice(name.indexOf(' '))}`;
}

/** The family name of a Kinh or Hoa full name (its first word), or null. */
export function familyNameOf(fullName: string, ethnicity: DemoEthnicity): string | null {
  return ethnicity === DemoEthnicity.KINH || ethnicity === DemoEthnicity.HOA ? fullName.split(' ')[0] : null;
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
