import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

/** GET /files/imports/:id/errors?offset=&limit=: one page of a job's errors. */
export class ImportErrorsQuery {
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'Phải là số nguyên' })
  @Min(0, { message: 'Không được là số âm' })
  offset?: number;

  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'Phải là số nguyên' })
  @Min(1, { message: 'Phải từ 1 trở lên' })
  @Max(500, { message: 'Không được lớn hơn 500' })
  limit?: number;
}
