// Starts the Koa hello-world baseline as a child process on a free port.
import { join } from 'path';
import { repoRoot } from '../../launcher/dev-env';
import { ManagedProcess, spawnManaged, waitForHttp } from '../../launcher/processes';
import { freePort } from '../../launcher/stack';

export interface KoaHello {
  url: string;
  process: ManagedProcess;
}

export async function startKoaHello(host = '127.0.0.1'): Promise<KoaHello> {
  const port = await freePort(host);
  // `--import tsx` (resolved from the repo root) compiles the TypeScript once at load; at request
  // time it is plain Node, so the comparison with the compiled BFF stays fair.
  const child = spawnManaged('koa', process.execPath, ['--import', 'tsx', join(__dirname, 'koa-hello-server.ts')], {
    cwd: repoRoot,
    env: { ...process.env, NODE_ENV: 'production', HOST: host, PORT: String(port) },
  });
  const url = `http://${host}:${port}/`;
  try {
    await waitForHttp(url, { process: child, timeoutMs: 30_000 });
  } catch (err) {
    await child.stop();
    throw err;
  }
  return { url, process: child };
}
