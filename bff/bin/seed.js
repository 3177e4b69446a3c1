#!/usr/bin/env node
// `npm run seed -w @zhili/bff [-- --size small|full]`: migrations + the demo town 示范镇 (small by
// default), the admin account and the mini-program demo identities. Prints a summary, then one JSON
// result line (the launcher reads it to show the admin password once). Exit 1 when it could not run.
const { parseSize, seedFromEnv } = require('../dist/cli/seed');

let size;
try {
  const at = process.argv.indexOf('--size');
  const inline = process.argv.find((a) => a.startsWith('--size='));
  size = parseSize(at > 0 ? process.argv[at + 1] : inline ? inline.slice('--size='.length) : process.env.SEED_SIZE);
} catch (err) {
  console.error(err.message);
  process.exit(1);
}

const started = Date.now();
const quiet = process.argv.includes('--quiet');
seedFromEnv(size, quiet ? undefined : (table, rows) => console.log(`  写入 ${table} ${rows} 行`))
  .then((result) => {
    const { town } = result;
    if (town.created) {
      const c = town.counts;
      console.log(
        `示范镇（${town.size}）已生成：区域 ${c.regions}，人员 ${c.person}，户 ${c.household}，房屋 ${c.house}，小区 ${c.estate}，` +
          `经营单位 ${c.business}，标签 ${c.person_tag}，走访 ${c.visit}，工作人员 ${c.staff}；生成 ${town.generateSeconds}s，写入 ${town.writeSeconds}s`,
      );
      if (result.casesCreated)
        console.log(`  示例工单 ${result.casesCreated} 件（12345 来电、网格巡查、后台录入，已办结与办理中各有）`);
      if (town.staffPassword) {
        console.log(
          `  演示工作人员（zhen.admin、cun201.admin、cun201.leader、cun201.wg01、sq001.admin …）统一初始密码：${town.staffPassword}`,
        );
        console.log('  仅本次显示；首次登录须修改密码（镇管理员还须绑定身份验证器）。');
      }
    } else {
      console.log('示范镇已存在（按区划代码识别），跳过人口与网格数据生成。');
    }
    const party = result.party;
    if (party && party.created) {
      const p = party.counts;
      console.log(
        `  党组织：${p.party_org} 个，党员 ${p.party_member}，入党流程 ${p.party_admission} 人，会议 ${p.party_meeting} 次；用时 ${party.seconds}s` +
          (p.staff ? '（党委书记 zhen.dangwei、幸福村党支部书记 cun201.shuji 与演示工作人员同一初始密码）' : ''),
      );
    }
    // The launcher shows the admin password in its own banner (it runs us with --quiet).
    if (result.adminPassword && !quiet)
      console.log(`  管理端 admin 初始密码：${result.adminPassword}（仅本次显示；首次登录须绑定身份验证器并修改密码）`);
    console.log(`种子数据完成，用时 ${((Date.now() - started) / 1000).toFixed(2)}s`);
    // Last line, machine-readable; the shared staff password stays out of it (shown above only).
    const { town: _town, ...rest } = result;
    console.log(
      JSON.stringify({
        ...rest,
        town: {
          created: town.created,
          size: town.size,
          counts: town.counts,
          generateSeconds: town.generateSeconds,
          writeSeconds: town.writeSeconds,
        },
      }),
    );
  })
  .catch((err) => {
    console.error(`Seed failed: ${err.message}`);
    process.exit(1);
  });
