import { readFileSync } from 'fs';
import { join } from 'path';

/** The BFF's version from its package.json (same relative path from src/ and dist/). */
export const appVersion: string = (
  JSON.parse(readFileSync(join(__dirname, '../../package.json'), 'utf8')) as { version: string }
).version;
