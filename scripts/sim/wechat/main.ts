// CLI: `npx tsx scripts/sim/wechat/main.ts` (or `npm run sim:wechat`).
// Env: WECHAT_SIM_APPS (required), WECHAT_SIM_PORT (7002), WECHAT_SIM_HOST (127.0.0.1),
// WECHAT_SIM_PUSH_URL/_TOKEN/_AES_KEY (message push), WECHAT_SIM_MEDIA_CHECK_DELAY_MS (200).
// Logs one JSON line per request to stdout so the launcher can tail and grep it.
import { parseCliConfig } from './cli-config';
import { startWechatSim } from './server';

async function main(): Promise<void> {
  const parsed = parseCliConfig(process.env);
  if (!parsed.ok) {
    process.stderr.write(`wechat-sim: ${parsed.error}\n`);
    process.exit(1);
  }
  const { port, host, apps, push, mediaCheckDelayMs } = parsed.config;

  const sim = await startWechatSim({
    port,
    host,
    apps,
    push,
    mediaCheckDelayMs,
    onRequest: (entry) => process.stdout.write(`${JSON.stringify({ time: new Date().toISOString(), ...entry })}\n`),
  });
  // Secrets are deliberately not printed: logs end up in CI artefacts.
  process.stdout.write(
    `${JSON.stringify({ msg: 'wechat-sim listening', url: sim.url, apps: apps.map((app) => app.appid) })}\n`,
  );

  let closing = false;
  const shutdown = (signal: NodeJS.Signals): void => {
    if (closing) return;
    closing = true;
    process.stdout.write(`${JSON.stringify({ msg: 'wechat-sim stopping', signal })}\n`);
    sim.close().then(
      () => process.exit(0),
      (err: unknown) => {
        process.stderr.write(`wechat-sim: close failed: ${String(err)}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

main().catch((err: unknown) => {
  // Typically EADDRINUSE: say which port, the raw stack is less useful to whoever runs the stack.
  process.stderr.write(`wechat-sim: failed to start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
