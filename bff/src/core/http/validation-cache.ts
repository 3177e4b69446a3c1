import { getSchema, RuleType, ValidateService } from '@midwayjs/validate';
import type { Schema } from 'joi';
import { ErrorCode } from '@zhili/shared';
import { AppError } from '../errors/app-error';
import { FieldSpec, fieldSpecOf, inputRuleViolations, oversizedArrays } from './input-rules';

type Messages = Record<string, unknown>;

/**
 * @midwayjs/validate rebuilds a DTO's Joi schema for every request and hands Joi the whole locale
 * message table, which Joi compiles into templates on every `validate` call. Under the cases
 * benchmark that was about a fifth of the BFF's CPU on a plain list request. Both inputs are
 * constant after start, so: one schema per DTO class, and the message table compiled once (Joi
 * keeps templates it is given as they are). Validation results and messages do not change.
 */
export function cacheValidation(service: ValidateService): void {
  const schemas = new Map<unknown, ReturnType<ValidateService['getSchema']>>();
  service.getSchema = (clz) => {
    // A class without rules has no schema (undefined): cached as such, validation is then skipped.
    if (!schemas.has(clz)) schemas.set(clz, getSchema(clz));
    return schemas.get(clz) as ReturnType<ValidateService['getSchema']>;
  };
  const holder = service as unknown as { messages: Messages };
  holder.messages = compileMessages(holder.messages);
  applyInputRules(service);
}

/**
 * Every value that passed a DTO's (or pipe's) schema also passes the central input rules (no
 * control characters in text, real calendar dates), and arrays longer than their schema allows are
 * refused before Joi iterates them: see input-rules.ts. One place, so no DTO can
 * miss them. A violation is a 400 VALIDATION_FAILED with field details, like Joi's own.
 */
function applyInputRules(service: ValidateService): void {
  const specs = new WeakMap<object, FieldSpec>();
  const specOf = (schema: Schema) => {
    let spec = specs.get(schema);
    if (!spec) {
      spec = fieldSpecOf(schema);
      specs.set(schema, spec);
    }
    return spec;
  };
  const validate = service.validateWithSchema.bind(service);
  service.validateWithSchema = (schema, value, options) => {
    if (schema) {
      const oversized = oversizedArrays(specOf(schema as Schema), value);
      if (oversized.length) throw new AppError(ErrorCode.VALIDATION_FAILED, undefined, oversized);
    }
    const result = validate(schema, value, options);
    if (schema && result) {
      const details = inputRuleViolations(specOf(schema as Schema), value, result.value);
      if (details.length) throw new AppError(ErrorCode.VALIDATION_FAILED, undefined, details);
    }
    return result;
  };
}

/** `{ language: { code: 'template' } }` with every template string parsed once. */
function compileMessages(messages: Messages): Messages {
  return Object.fromEntries(
    Object.entries(messages ?? {}).map(([language, table]) => [
      language,
      Object.fromEntries(
        Object.entries(table as Record<string, unknown>).map(([code, text]) => [
          code,
          typeof text === 'string' ? RuleType.x(text) : text,
        ]),
      ),
    ]),
  );
}
