// CLI: `npm run sim:wechatpay` (= npx tsx scripts/sim/wechatpay/main.ts).
// Env: WECHATPAY_SIM_PORT (7005), _HOST (127.0.0.1), _MODE (publicKey | platformCert), _KEY_DIR
// (var/wechatpay-sim), _MCHID (1900000109), _APPIDS (wx0000000000000001), _RETRY_SCALE (1).
// Prints where the throwaway keys are and one JSON line per request.
import { resolve } from 'node:path';
import { parsePayCliConfig } from './cli-config';
import { FILES, loadOrCreateMerchant, loadOrCreatePlatformKey } from './keystore';
import { startWechatPaySim } from './server';

async function main(): Promise<void> {
  const parsed = parsePayCliConfig(process.env);
  if (!parsed.ok) {
    process.stderr.write(`wechatpay-sim: ${parsed.error}\n`);
    process.exit(1);
  }
  const config = parsed.config;
  const dir = resolve(config.keyDir);
  const merchant = loadOrCreateMerchant(dir, config.mchid, config.appids[0]);
  const platformKey = loadOrCreatePlatformKey(dir, config.mode);
  const sim = await startWechatPaySim({
    port: config.port,
    host: config.host,
    mode: config.mode,
    retryScale: config.retryScale,
    platformKey,
    merchants: [
      { mchid: merchant.mchid, appids: config.appids, apiCertPem: merchant.certPem, apiV3Key: merchant.apiV3Key },
    ],
    onRequest: (entry) => process.stdout.write(`${JSON.stringify(entry)}\n`),
  });
  // Paths only: the APIv3 key stays in merchant.json, not in logs that end up in CI artefacts.
  process.stdout.write(
    `${JSON.stringify({
      msg: 'wechatpay-sim listening',
      url: sim.url,
      mode: sim.mode,
      mchid: merchant.mchid,
      merchantSerial: merchant.serialNo,
      platformSerial: platformKey.serial,
      keyDir: dir,
      files: FILES,
    })}\n`,
  );
  let closing = false;
  const shutdown = (signal: NodeJS.Signals): void => {
    if (closing) return;
    closing = true;
    process.stdout.write(`${JSON.stringify({ msg: 'wechatpay-sim stopping', signal })}\n`);
    sim.close().then(
      () => process.exit(0),
      (err: unknown) => {
        process.stderr.write(`wechatpay-sim: close failed: ${String(err)}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

main().catch((err: unknown) => {
  process.stderr.write(`wechatpay-sim: failed to start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
