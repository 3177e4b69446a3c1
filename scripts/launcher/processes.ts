import { ChildProcess, spawn } from 'child_process';
import { createInterface } from 'readline';

export interface ManagedProcess {
  name: string;
  child: ChildProcess;
  /** Sends SIGTERM, then SIGKILL after `graceMs`; resolves when the process has exited. */
  stop(graceMs?: number): Promise<void>;
  exited: Promise<number | null>;
}

export interface SpawnOptions {
  env: NodeJS.ProcessEnv;
  cwd?: string;
  /** Receives every output line (stdout and stderr); default: printed with a name prefix. */
  onLine?: (line: string) => void;
}

/** Spawns a child whose output is forwarded line by line and which is stopped with us. */
export function spawnManaged(name: string, command: string, args: string[], options: SpawnOptions): ManagedProcess {
  const child = spawn(command, args, { env: options.env, cwd: options.cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  const onLine = options.onLine ?? ((line: string) => console.log(`[${name}] ${line}`));
  for (const stream of [child.stdout, child.stderr]) {
    if (stream) createInterface({ input: stream }).on('line', onLine);
  }
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    name,
    child,
    exited,
    async stop(graceMs = 5000) {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Polls `url` until it answers with one of `okStatuses`, the process dies, or time runs out. */
export async function waitForHttp(
  url: string,
  {
    timeoutMs = 60_000,
    okStatuses = [200],
    process,
  }: { timeoutMs?: number; okStatuses?: number[]; process?: ManagedProcess } = {},
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError = '';
  let dead = false;
  void process?.exited.then(() => (dead = true));
  while (Date.now() < deadline) {
    if (dead) throw new Error(`${process?.name} exited before ${url} answered`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (okStatuses.includes(res.status)) return;
      lastError = `HTTP ${res.status}`;
    } catch (err) {
      lastError = (err as Error).message;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not become ready within ${timeoutMs} ms (${lastError})`);
}

/** Runs a command to completion, failing with its output when it exits non-zero. */
export function runToCompletion(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  cwd?: string,
): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0 ? resolve(out) : reject(new Error(`${command} ${args.join(' ')} exited ${code}:\n${out}`)),
    );
  });
}
