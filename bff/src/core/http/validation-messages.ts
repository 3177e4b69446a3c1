/**
 * Field messages for Joi `.messages()`. @midwayjs/validate validates with `errors.language` set to
 * the locale (`zh-cn`) and its own per-language table, which beats plain `.messages()` of a schema:
 * a message only wins when it is also keyed by that language. Both forms are given, so the message
 * holds whatever language the validator is configured with.
 */
export function chineseMessages(messages: Record<string, string>): Record<string, string | Record<string, string>> {
  return { ...messages, 'zh-cn': messages };
}
