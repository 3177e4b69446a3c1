import { ApiProperty } from '@midwayjs/swagger';
import { Rule, RuleType } from '@midwayjs/validate';
import type { StoredFileVO } from '@zhili/shared';

/** Swagger shape of `StoredFileVO` (the wire type lives in @zhili/shared). */
export class StoredFileDoc implements StoredFileVO {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ enum: ['image/jpeg', 'image/png', 'image/webp'] })
  mime!: string;

  @ApiProperty({ example: 183_204 })
  sizeBytes!: number;

  @ApiProperty({ example: '/api/files/0b7c…?exp=1763900000&sig=…', description: '10 分钟内有效的签名地址' })
  url!: string;
}

/** Query of a signed file link. */
export class FileLinkQueryDTO {
  @ApiProperty({ description: '过期时间（Unix 秒）' })
  @Rule(RuleType.string().max(16).optional())
  exp?: string;

  @ApiProperty({ description: '签名' })
  @Rule(RuleType.string().max(128).optional())
  sig?: string;
}
