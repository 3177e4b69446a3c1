// CLI: `npm run sim:gov` — both government platform simulators in one process.
// Env: HOTLINE_APP_KEY/SECRET, CITY_APP_KEY/SECRET (required, as given to the BFF), HOTLINE_SIM_PORT
// (7003), CITY_SIM_PORT (7004), GOV_SIM_HOST, GOV_SIM_PUSH_BASE (BFF origin; unset = pull only),
// GOV_SIM_LATENCY_MS, GOV_SIM_FAILURE_RATE (0–1), GOV_SIM_SEED, GOV_SIM_DEMO_ORDERS (2).
// One JSON line per platform call on stdout; dev endpoints under /__dev/ (see docs/GOV-PROTOCOL.md).
import { GOV_CALLBACK_PATHS, parseGovSimConfig } from './cli-config';
import { startCitySim } from './city-sim';
import { DEMO_HOTLINE_ORDERS } from './demo-orders';
import { startHotlineSim } from './hotline-sim';
import type { GovRequestLogEntry } from './types';

const log = (sim: string) => (entry: GovRequestLogEntry) =>
  process.stdout.write(`${JSON.stringify({ sim, time: new Date(entry.at).toISOString(), ...entry })}\n`);

async function main(): Promise<void> {
  const parsed = parseGovSimConfig(process.env);
  if (!parsed.ok) {
    process.stderr.write(`gov-sim: ${parsed.error}\n`);
    process.exit(1);
  }
  const c = parsed.config;
  const common = { host: c.host, latencyMs: c.latencyMs, failureRate: c.failureRate, seed: c.seed };
  const hotline = await startHotlineSim({
    ...common,
    ...c.hotline,
    pushUrl: c.pushBase ? c.pushBase + GOV_CALLBACK_PATHS.hotline : undefined,
    onRequest: log('hotline'),
  });
  const city = await startCitySim({
    ...common,
    ...c.city,
    pushUrl: c.pushBase ? c.pushBase + GOV_CALLBACK_PATHS.city : undefined,
    onRequest: log('city'),
  });
  for (let i = 0; i < c.demoOrders; i += 1) hotline.createOrder(DEMO_HOTLINE_ORDERS[i % DEMO_HOTLINE_ORDERS.length]);
  // Secrets are not printed: logs end up in CI artefacts.
  process.stdout.write(
    `${JSON.stringify({ msg: 'gov-sim listening', hotline: hotline.url, city: city.url, pushBase: c.pushBase })}\n`,
  );

  let closing = false;
  const shutdown = (signal: NodeJS.Signals): void => {
    if (closing) return;
    closing = true;
    process.stdout.write(`${JSON.stringify({ msg: 'gov-sim stopping', signal })}\n`);
    Promise.all([hotline.close(), city.close()]).then(
      () => process.exit(0),
      (err: unknown) => {
        process.stderr.write(`gov-sim: close failed: ${String(err)}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

main().catch((err: unknown) => {
  process.stderr.write(`gov-sim: failed to start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
