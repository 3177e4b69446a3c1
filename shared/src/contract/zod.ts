import { z } from 'zod';

/**
 * zod for the whole product comes from here: one instance, so schemas made in shared and checked
 * in the BFF or a client are the same classes, and one set of Chinese messages.
 */
export { z };
export type { ZodType } from 'zod';

// In a browser (the portal, the H5 build) zod would probe `new Function` when the first object schema
// is made, to compile fast parsers; under our CSP (no eval) that probe is a reported violation. The
// front ends only read types and paths from the contract, so they run without the JIT; the BFF keeps it.
if (typeof (globalThis as { document?: unknown }).document !== 'undefined') z.config({ jitless: true });

type Issue = z.core.$ZodRawIssue;

const typeNames: Record<string, string> = {
  string: '文本',
  number: '数字',
  int: '整数',
  boolean: '是或否',
  array: '列表',
  object: '对象',
  date: '日期',
  bigint: '整数',
};

const formatNames: Record<string, string> = {
  date: '日期（YYYY-MM-DD）',
  datetime: '时间（ISO 8601）',
  email: '邮箱',
  url: '网址',
  uuid: 'ID',
  regex: '格式',
};

/**
 * Messages a person can read for every check a schema does not word itself. A schema's own
 * `{ error: '…' }` always wins (e.g. 照片最多 9 张); this is what is left: 必填, 至少 N 个字符…
 */
export function zhIssueMessage(issue: Issue): string {
  switch (issue.code) {
    case 'invalid_type': {
      if (issue.input === undefined) return '必填';
      if (issue.expected === 'int' || issue.expected === 'number')
        return issue.expected === 'int' ? '应为整数' : '应为数字';
      return `应为${typeNames[String(issue.expected)] ?? String(issue.expected)}`;
    }
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'string') return min <= 1 ? '不能为空' : `至少 ${min} 个字符`;
      if (issue.origin === 'array' || issue.origin === 'set') return `至少 ${min} 项`;
      return issue.inclusive === false ? `应大于 ${min}` : `不能小于 ${min}`;
    }
    case 'too_big': {
      const max = Number(issue.maximum);
      if (issue.origin === 'string') return `不能超过 ${max} 个字符`;
      if (issue.origin === 'array' || issue.origin === 'set') return `最多 ${max} 项`;
      return issue.inclusive === false ? `应小于 ${max}` : `不能大于 ${max}`;
    }
    case 'invalid_format':
      if (issue.format === 'date' || issue.format === 'datetime') return '日期或时间不存在或格式不对，请填写真实的日期';
      return `${formatNames[String(issue.format)] ?? '格式'}不正确`;
    case 'invalid_value':
      return issue.values.length === 1
        ? `只能是 ${String(issue.values[0])}`
        : `取值无效，可选：${issue.values.map(String).join('、')}`;
    case 'unrecognized_keys':
      return `不支持的字段：${issue.keys.join('、')}`;
    case 'not_multiple_of':
      return `应为 ${String(issue.divisor)} 的倍数`;
    case 'invalid_union':
      return '取值无效';
    default:
      return '取值无效';
  }
}

/** A field-level problem as the API reports it (same shape as `FieldError` of the envelope). */
export interface ContractFieldError {
  field: string;
  message: string;
}

/**
 * zod's issues → the envelope's `details`, field paths dotted (`photos.2.url`). An unknown field is
 * reported under its own name (`role`), as the Joi DTOs did, so a form can mark it.
 */
export function fieldErrorsOf(error: z.ZodError, prefix?: string): ContractFieldError[] {
  return error.issues.flatMap((issue) => {
    const path = issue.path.map(String);
    if (issue.code === 'unrecognized_keys')
      return issue.keys.map((key) => ({ field: [...path, key].join('.'), message: '不支持的字段' }));
    const field = path.join('.');
    return [{ field: prefix && !field ? prefix : field, message: issue.message }];
  });
}
