import { ErrorCode, FieldErrorCode, PERMISSIONS } from '@canbo/shared';
import { AppError, BadUserInputError, NotFoundError } from '../../core/errors/app-errors';

/** Errors of the import routes (the uploaded file as a whole). Problems of rows are RowErrors of the job. */
export const ImportErrors = {
  jobNotFound: (id?: string) => new NotFoundError('lượt nhập', id),
  noFile: () => BadUserInputError.field('file', FieldErrorCode.REQUIRED, 'Chưa chọn tệp để tải lên (trường "file")'),
  empty: () => BadUserInputError.field('file', FieldErrorCode.REQUIRED, 'Tệp rỗng (0 byte): không có gì để nhập'),
  tooLarge: (maxBytes: number) =>
    BadUserInputError.field('file', FieldErrorCode.OUT_OF_RANGE, `Tệp vượt quá giới hạn ${formatMb(maxBytes)}. Hãy chia nhỏ tệp rồi nhập từng phần.`).withHttpStatus(
      413,
    ),
  tooManyFiles: () => BadUserInputError.field('file', FieldErrorCode.INVALID_VALUE, 'Mỗi lần chỉ tải lên một tệp'),
  /** not XLSX nor CSV, a broken or dangerous archive, hidden sheets, merged cells: `message` says which */
  refused: (message: string) => BadUserInputError.field('file', FieldErrorCode.INVALID_VALUE, message),
  badFileName: () => BadUserInputError.field('file', FieldErrorCode.INVALID_CHARACTERS, 'Tên tệp không hợp lệ'),
  sensitiveRequired: () =>
    new AppError(ErrorCode.FORBIDDEN, 'Nhập hồ sơ từ tệp cần thêm quyền xem thông tin nhạy cảm (tệp chứa số định danh, dân tộc, tôn giáo)', {
      reason: 'MISSING_PERMISSION',
      permission: PERMISSIONS.PERSONNEL_READ_SENSITIVE,
    }),
  fileGone: (days: number) =>
    new NotFoundError(`tệp đã tải lên (chỉ được giữ ${days} ngày; hãy xem danh sách lỗi trên trang hoặc tải tệp lên lại)`),
  notRejected: () =>
    BadUserInputError.field('id', FieldErrorCode.INVALID_VALUE, 'Chỉ lượt nhập bị từ chối (có lỗi) mới có tệp báo lỗi'),
};

export function formatMb(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return `${Number.isInteger(mb) ? mb : mb.toFixed(1)} MB`;
}

/** Why a job ended FAILED (shown to the user; the technical cause is logged). */
export const FAILURE_REASONS = {
  restarted:
    'Máy chủ đã dừng hoặc khởi động lại trong khi xử lý tệp. Không có dữ liệu nào được ghi (toàn bộ lượt nhập đã được hủy). Hãy tải tệp lên lại.',
  shutdown: 'Máy chủ dừng trong khi xử lý tệp. Không có dữ liệu nào được ghi. Hãy tải tệp lên lại.',
  concurrent:
    'Dữ liệu của một số người trong tệp vừa được thay đổi bởi thao tác khác trong lúc nhập. Không có dữ liệu nào được ghi. Hãy tải tệp lên lại.',
  internal: 'Lỗi hệ thống khi xử lý tệp. Không có dữ liệu nào được ghi. Hãy thử lại hoặc báo quản trị viên.',
  missingFile: 'Không còn tệp đã tải lên để xử lý. Hãy tải tệp lên lại.',
};

/** Messages of row problems: each names its column (`Cột "Ngày sinh": ...`). */
export const RowMessages = {
  column: (header: string, problem: string) => `Cột "${header}": ${problem}`,
  required: 'không được để trống',
  tooLong: (max: number) => `không được dài quá ${max} ký tự`,
  nameCharacters: 'chỉ được dùng chữ, số, khoảng trắng và các dấu . , ( ) / & -',
  markup: 'không được chứa ký tự < hoặc >',
  formula: (formula: string) => `ô chứa công thức (=${truncate(formula, 60)}); hãy chép và dán dạng giá trị`,
  cellError: (code: string) => `ô bị lỗi (${code}); hãy nhập giá trị`,
  notText: 'phải là chữ, không phải số hay ngày',
  date: (value: string) => `ngày phải có dạng dd/mm/yyyy (đã nhập "${truncate(value, 40)}")`,
  dateInvalid: (value: string) => `ngày không có thật (đã nhập "${truncate(value, 40)}")`,
  dateRange: (min: string, max: string) => `ngày phải trong khoảng ${min} đến ${max}`,
  dateSerial: (value: number) => `số ${value} không phải một ngày hợp lệ; hãy nhập dạng dd/mm/yyyy`,
  dateWithTime: 'ô có cả giờ phút; chỉ nhập ngày (dd/mm/yyyy)',
  enumValue: (value: string, allowed: string[]) => `"${truncate(value, 40)}" không hợp lệ; dùng một trong: ${allowed.join(', ')}`,
  ethnicity: (value: string) => `"${truncate(value, 40)}" không có trong danh mục 54 dân tộc (nhập tên như "Kinh", "Khơ-me" hoặc mã 01–54)`,
  nationalIdNumber: (digits: string) =>
    `ô dạng số (${digits}) đã mất số 0 ở đầu; hãy định dạng cột là Văn bản (Text) và nhập đủ 12 chữ số`,
  nationalIdSpaces: 'không được có khoảng trắng; nhập liền 12 chữ số',
  nationalIdOldCard: 'số chứng minh nhân dân 9 chữ số không dùng được; hãy nhập số định danh cá nhân 12 chữ số',
  nationalIdFormat: (length: number) => `phải gồm đúng 12 chữ số (đã nhập ${length} ký tự)`,
  phone: 'số điện thoại không hợp lệ',
  phoneNumber: 'ô dạng số đã mất số 0 ở đầu; hãy định dạng cột là Văn bản (Text)',
  email: 'địa chỉ thư điện tử không hợp lệ',
  duplicateInFile: (firstRow: number) => `trùng số định danh với dòng ${firstRow} trong cùng tệp; mỗi người chỉ được có một dòng`,
  unknownUnit: (value: string, suggestion: string | null) =>
    `không có đơn vị "${truncate(value, 80)}" trong danh mục${suggestion ? `; có phải "${suggestion}"?` : ''} (ghi đúng tên như trong danh mục đơn vị)`,
  unitOutOfScope: (unit: string, category: string) =>
    `đơn vị "${unit}" với loại cán bộ "${category}" nằm ngoài phạm vi được phân công của bạn`,
  unitNotYet: (unit: string, date: string) => `đơn vị "${unit}" chưa thành lập vào ngày ${date}`,
  unitEnded: (unit: string, date: string) => `đơn vị "${unit}" đã chấm dứt hoạt động vào ngày ${date}`,
  unknownBody: (value: string, unit: string) => `không có cơ quan, tổ chức "${truncate(value, 80)}" thuộc đơn vị "${unit}"`,
  unknownTitle: (value: string) => `không có chức danh "${truncate(value, 80)}" trong danh mục chức danh`,
  ambiguousTitle: (value: string) => `có nhiều chức danh cùng tên "${truncate(value, 80)}" trong danh mục; hãy cập nhật trên trang hồ sơ`,
  titleNotInUnit: (title: string, unit: string, date: string) =>
    `đơn vị "${unit}" không có định suất chức danh "${title}" vào ngày ${date}`,
  titleOverlap: 'thời gian trùng với một bản ghi cùng chức danh đã có của người này (từ ngày hiệu lực về sau)',
  levelOverlap: 'đã có bản ghi trình độ bắt đầu sau ngày hiệu lực; hãy cập nhật trên trang hồ sơ',
  manyTitles: 'người này đang giữ nhiều chức danh vào ngày hiệu lực; hãy cập nhật chức danh trên trang hồ sơ',
  nothingToCorrect: (what: string, date: string) =>
    `không có ${what} hiệu lực vào ngày ${date} để đính chính; dùng loại cập nhật "Thay đổi" nếu đây là thay đổi thực tế`,
  birthDate: (message: string) => message,
  partyDate: (message: string) => `không khớp với ngày vào Đảng đã ghi nhận: ${message}`,
  outOfScopePerson:
    'số định danh này đã có trong hồ sơ do đơn vị khác quản lý (ngoài phạm vi của bạn). Không thể nhập dòng này; hãy liên hệ Sở Nội vụ hoặc Ban Tổ chức Tỉnh ủy để xử lý.',
  hostIsHome: 'đơn vị công tác trùng với đơn vị đang được biệt phái đến',
  // file-level problems of a job (row 1: the header row)
  headerMissing: (headers: string[]) => `Thiếu cột bắt buộc: ${headers.map((h) => `"${h}"`).join(', ')}. Hãy dùng tệp mẫu.`,
  headerUnknown: (header: string) => `Cột "${truncate(header, 60)}" không có trong tệp mẫu. Hãy dùng đúng tên cột của tệp mẫu.`,
  headerDuplicate: (header: string) => `Cột "${header}" xuất hiện nhiều lần.`,
  headerEmpty: 'Không có dòng tiêu đề: dòng 1 phải là tên các cột của tệp mẫu.',
  noRows: 'Tệp không có dòng dữ liệu nào (sau dòng tiêu đề).',
  tooManyRows: (max: number) => `Tệp có quá ${max.toLocaleString('vi-VN')} dòng dữ liệu. Hãy chia nhỏ tệp rồi nhập từng phần.`,
  unreadable: 'Không đọc được tệp XLSX (tệp hỏng hoặc không đúng định dạng Excel). Hãy mở tệp bằng Excel và lưu lại dạng .xlsx.',
  noDataSheet: 'Không tìm thấy trang tính dữ liệu trong tệp.',
  tooManyColumns: 'Dòng có nhiều ô hơn số cột của tệp mẫu (các ô thừa ở bên phải tiêu đề).',
};

export function truncate(value: string, max: number): string {
  return value.length > max ? `${value.slice(0, max - 1)}…` : value;
}
