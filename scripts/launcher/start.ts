/**
 * `npm start`: the demo on this machine with the embedded defaults — SQLite under var/, in-process
 * cache, the WeChat simulator on loopback — serving the admin at /admin/ and the H5 mini-program at
 * /h5/ from the BFF's port. Ctrl-C stops everything.
 *
 * Env: PORT (BFF, default 7001), WECHAT_SIM_PORT (default 7002: the H5 build looks for the simulator
 * there), WECHATPAY_SIM_PORT (default 7005: the H5 build's requestPayment stand-in looks for the WeChat
 * Pay simulator there), WECHATPAY_SIM_MODE (publicKey | platformCert, default publicKey; its throwaway
 * keys stay in var/wechatpay-sim/ across starts), DATABASE_URL / REDIS_URL to use MySQL / Redis instead,
 * HOST (default 127.0.0.1).
 * Flags: --rebuild (build everything again).
 */
import { ensureBuilt } from './builds';
import { loadOrCreateDevSecrets } from './dev-env';
import { DEMO_IDENTITIES, Stack, startStack } from './stack';
import type { KeyMode } from '../sim/wechatpay';

function banner(stack: Stack, databaseUrl: string, redisUrl: string | undefined): string {
  const lines = [
    '',
    '智理 Zhili 已启动 ———————————————————————————————',
    `  管理端  ${stack.bffUrl}/admin/`,
    `  H5 小程序 ${stack.bffUrl}/h5/`,
    `  API 文档 ${stack.bffUrl}/api/docs/`,
    `  健康检查 ${stack.bffUrl}/api/health`,
    `  微信模拟器 ${stack.simUrl}`,
    `  微信支付模拟器 ${stack.paySimUrl}（${stack.paySim.sim.mode === 'publicKey' ? '平台公钥模式' : '平台证书模式'}，支付页 ${stack.paySimUrl}/__dev/pay-page）`,
    `  数据库  ${databaseUrl}${redisUrl ? `，Redis ${redisUrl}` : '，进程内缓存'}`,
    '',
    '  演示账号',
    stack.adminPassword
      ? `    管理端 admin / ${stack.adminPassword}   （仅本次显示，请妥善保存；首次登录需绑定身份验证器并修改密码）`
      : '    管理端 admin / （首次启动时已显示；忘记可删除 var/zhili.sqlite 后重启）',
    `    小程序 H5 测试身份：${DEMO_IDENTITIES.map((d) => `${d.nickname}（${d.roles.join('+')}）`).join('、')}`,
    '',
    '  按 Ctrl-C 停止',
    '',
  ];
  return lines.join('\n');
}

/** WECHATPAY_SIM_MODE, checked before anything starts. */
function payMode(): KeyMode {
  const mode = process.env.WECHATPAY_SIM_MODE?.trim() || 'publicKey';
  if (mode !== 'publicKey' && mode !== 'platformCert')
    throw new Error(`WECHATPAY_SIM_MODE 只能是 publicKey 或 platformCert，收到 "${mode}"`);
  return mode;
}

async function main(): Promise<void> {
  const force = process.argv.includes('--rebuild');
  const mode = payMode();
  ensureBuilt(force);
  const databaseUrl = process.env.DATABASE_URL || 'sqlite:var/zhili.sqlite';
  const redisUrl = process.env.REDIS_URL || undefined;
  const stack = await startStack({
    secrets: loadOrCreateDevSecrets(),
    port: Number(process.env.PORT ?? 7001),
    simPort: Number(process.env.WECHAT_SIM_PORT ?? 7002),
    host: process.env.HOST ?? '127.0.0.1',
    databaseUrl,
    redisUrl,
    // The CLI simulator's key directory: one set of throwaway merchant keys for this checkout.
    wechatPay: { port: Number(process.env.WECHATPAY_SIM_PORT ?? 7005), mode, keyDir: 'var/wechatpay-sim' },
  });
  console.log(banner(stack, databaseUrl, redisUrl));

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n收到 ${signal}，正在停止…`);
    await stack.stop();
    console.log('已停止。');
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
  void stack.bff.exited.then((code) => {
    if (stopping) return;
    console.error(`BFF exited unexpectedly (code ${code}); stopping.`);
    void stack.stop().then(() => process.exit(1));
  });
}

main().catch((err: Error) => {
  console.error(`启动失败：${err.message}`);
  process.exit(1);
});
