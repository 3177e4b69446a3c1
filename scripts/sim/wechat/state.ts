// All mutable simulator state, in memory, for one running simulator.
import { randomBytes } from 'node:crypto';
import { CodeStore } from './codes';
import { FaultStore } from './faults';
import { TokenStore } from './tokens';
import type { SimApp } from './types';

export class SimState {
  readonly apps: ReadonlyMap<string, SimApp>;
  readonly codes = new CodeStore();
  readonly tokens = new TokenStore();
  readonly faults = new FaultStore();
  /** session_key per (appid, openid). */
  private readonly sessions = new Map<string, string>();

  constructor(
    apps: SimApp[],
    readonly now: () => number,
  ) {
    this.apps = new Map(apps.map((app) => [app.appid, app]));
  }

  /**
   * A login (wx.login, here: POST /__dev/login-code) rotates the session_key, like WeChat may do;
   * between logins it stays stable, so a client that caches it keeps a valid key.
   */
  rotateSessionKey(appid: string, openid: string): string {
    const sessionKey = randomBytes(16).toString('base64');
    this.sessions.set(`${appid}\u0000${openid}`, sessionKey);
    return sessionKey;
  }

  sessionKey(appid: string, openid: string): string {
    return this.sessions.get(`${appid}\u0000${openid}`) ?? this.rotateSessionKey(appid, openid);
  }

  /** Forget everything issued so far; configured apps stay. */
  reset(): void {
    this.codes.clear();
    this.tokens.clear();
    this.faults.clear();
    this.sessions.clear();
  }
}
