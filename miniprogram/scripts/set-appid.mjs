#!/usr/bin/env node
// After build:weapp: write WEAPP_APPID into the repository-root project.config.json (the file
// WeChat DevTools opens; miniprogramRoot points at miniprogram/dist/). Without WEAPP_APPID the
// file is left untouched (touristappid by default).
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const configPath = resolve(dirname(fileURLToPath(import.meta.url)), '../../project.config.json');
const appid = (process.env.WEAPP_APPID ?? '').trim();

if (!appid) {
  console.log('[set-appid] WEAPP_APPID not set; project.config.json left as is');
  process.exit(0);
}
if (!/^(wx[0-9a-f]{16}|touristappid)$/.test(appid)) {
  console.error(`[set-appid] WEAPP_APPID "${appid}" is not a mini-program appid (wx + 16 hex)`);
  process.exit(1);
}

const config = JSON.parse(readFileSync(configPath, 'utf8'));
if (config.appid === appid) {
  console.log(`[set-appid] appid already ${appid}`);
} else {
  config.appid = appid;
  writeFileSync(configPath, `${JSON.stringify(config, null, 2)}\n`);
  console.log(`[set-appid] project.config.json appid → ${appid}`);
}
