// Compile-time constants that webpack's DefinePlugin provides in real builds.
const g = globalThis as Record<string, unknown>;
g.ZHILI_DEV_LOGIN = false;
g.ZHILI_API_BASE = 'http://bff.test';
g.ZHILI_WECHAT_SIM_URL = '';
g.ZHILI_WECHAT_APPID = 'wx0000000000000001';
