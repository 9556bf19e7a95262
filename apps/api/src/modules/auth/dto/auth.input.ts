import { PASSWORD_POLICY } from '@canbo/shared';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

export class SignInBody {
  @IsString({ message: 'Phải là chuỗi ký tự' })
  @IsNotEmpty({ message: 'Không được để trống' })
  @MaxLength(60, { message: 'Không được dài quá 60 ký tự' })
  username: string;

  @IsString({ message: 'Phải là chuỗi ký tự' })
  @IsNotEmpty({ message: 'Không được để trống' })
  @MaxLength(PASSWORD_POLICY.maxLength, { message: `Không được dài quá ${PASSWORD_POLICY.maxLength} ký tự` })
  password: string;
}

export class ChangePasswordBody {
  @IsString({ message: 'Phải là chuỗi ký tự' })
  @IsNotEmpty({ message: 'Không được để trống' })
  @MaxLength(PASSWORD_POLICY.maxLength)
  currentPassword: string;

  @IsString({ message: 'Phải là chuỗi ký tự' })
  @IsNotEmpty({ message: 'Không được để trống' })
  @MaxLength(PASSWORD_POLICY.maxLength, { message: `Không được dài quá ${PASSWORD_POLICY.maxLength} ký tự` })
  newPassword: string;
}
