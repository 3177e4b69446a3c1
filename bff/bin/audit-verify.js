#!/usr/bin/env node
// `npm run audit:verify`: checks the SM3 hash chain of the audit log of DATABASE_URL and names the
// first broken record. Exit 0 intact, 2 broken, 1 could not check.
const { auditVerify } = require('../dist/cli/audit-verify');

auditVerify()
  .then(({ records, broken }) => {
    if (!broken) {
      console.log(`审计日志完整：${records} 条记录，哈希链校验通过。`);
      return;
    }
    const why = broken.reason === 'content' ? '内容被修改' : '链接断裂（记录被删除、插入或重排）';
    console.error(`审计日志被篡改：第一条异常记录 seq=${broken.seq}（${why}），共 ${records} 条记录。`);
    process.exit(2);
  })
  .catch((err) => {
    console.error(`无法校验审计日志：${err.message}`);
    process.exit(1);
  });
