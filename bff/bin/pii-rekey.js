#!/usr/bin/env node
// `npm run pii:rekey [-- --batch 500]`: re-encrypts personal data still sealed with an old key (any
// key id other than PII_ACTIVE_KEY_ID). Idempotent. Exit 0 done, 2 some rows could not be
// decrypted (listed), 1 could not run.
const { piiRekey } = require('../dist/cli/pii-rekey');

const at = process.argv.indexOf('--batch');
const batch = at > 0 ? Number(process.argv[at + 1]) : 500;
if (!Number.isInteger(batch) || batch < 1) {
  console.error('--batch 需要一个正整数');
  process.exit(1);
}

piiRekey({ batchSize: batch, onBatch: (r) => console.log(`  ${r.table}.${r.field}: 已处理 ${r.scanned} 行…`) })
  .then((reports) => {
    let failed = 0;
    for (const r of reports) {
      failed += r.failed;
      const keys =
        Object.entries(r.byKeyId)
          .map(([id, n]) => `${id}=${n}`)
          .join(', ') || '无数据';
      console.log(
        `${r.table}.${r.field}: 检查 ${r.scanned} 行，重新加密 ${r.rekeyed} 行，并发跳过 ${r.skipped} 行，失败 ${r.failed} 行；当前各密钥行数：${keys}`,
      );
    }
    if (failed) {
      console.error(`有 ${failed} 行无法解密（密钥缺失或密文被篡改），旧密钥暂不可删除。`);
      process.exit(2);
    }
    console.log('完成：不再出现在“当前各密钥行数”中的旧密钥可以从 PII_KEYS 中移除。');
  })
  .catch((err) => {
    console.error(`无法重新加密：${err.message}`);
    process.exit(1);
  });
