import { rmSync } from 'fs';
import { join } from 'path';
import { randomBytes } from 'crypto';
import { DEMO_APPID, repoRoot } from '../../launcher/dev-env';
import { Stack, startStack } from '../../launcher/stack';

export const E2E_ADMIN_PASSWORD = `E2e-${randomBytes(6).toString('hex')}!`;

export interface E2eStack extends Stack {
  dispose(): Promise<void>;
}

/**
 * The demo stack exactly as `npm start` runs it (built BFF, simulator, migrations, seed), on free
 * ports and a throwaway SQLite file, with a known admin password. The builds come from the e2e
 * project's global setup.
 */
export async function startE2eStack(): Promise<E2eStack> {
  const file = `var/e2e/zhili-${process.pid}-${randomBytes(3).toString('hex')}.sqlite`;
  const stack = await startStack({
    secrets: {
      JWT_SECRET: randomBytes(48).toString('base64url'),
      WECHAT_APPID: DEMO_APPID,
      WECHAT_SECRET: randomBytes(16).toString('hex'),
    },
    port: 0,
    simPort: 0,
    databaseUrl: `sqlite:${file}`,
    adminPassword: E2E_ADMIN_PASSWORD,
    // Keep the test output readable; the BFF's lines are only interesting when it fails to start.
    onLine: () => undefined,
  });
  return {
    ...stack,
    async dispose() {
      await stack.stop();
      for (const suffix of ['', '-wal', '-shm']) rmSync(join(repoRoot, file + suffix), { force: true });
    },
  };
}
