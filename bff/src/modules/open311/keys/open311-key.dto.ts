import { ApiProperty } from '@midwayjs/swagger';
import { Rule, RuleType } from '@midwayjs/validate';
import { chineseMessages as zh } from '../../../core/http/validation-messages';

export class CreateOpen311KeyDTO {
  @ApiProperty({ example: '市民服务 App', description: '用途或对接方名称（1–64 字）' })
  @Rule(
    RuleType.string()
      .trim()
      .min(1)
      .max(64)
      .required()
      .messages(zh({ 'string.max': '名称不能超过 64 个字', 'string.empty': '请填写名称' })),
  )
  name!: string;
}
