import { z } from '@zhili/shared';

/** A URL variable; the message names the variable, so a bad value is found at once. */
export const url = (label: string) =>
  z.string().url({ message: `${label} must be a URL such as http://127.0.0.1:7002` });

/** A yes/no switch: true/false/1/0 (z.coerce.boolean would read "false" as true). */
export const flag = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

/** The parsed values of an environment schema part (core's or one module's). */
export type EnvOf<S extends z.ZodRawShape> = z.infer<z.ZodObject<S>>;
