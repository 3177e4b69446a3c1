// All mutable simulator state, in memory, for one running simulator.
import { randomBytes } from 'node:crypto';
import { CodeStore } from './codes';
import { FaultStore } from './faults';
import { MediaCheckQueue } from './media-checks';
import { SubscribeStore } from './subscribe';
import { TokenStore } from './tokens';
import type { PushTarget, SimApp, Suggest } from './types';

export interface SimTiming {
  mediaCheckDelayMs: number;
  pushRetryDelayMs: number;
}

export class SimState {
  readonly apps: ReadonlyMap<string, SimApp>;
  readonly codes = new CodeStore();
  readonly tokens = new TokenStore();
  readonly faults = new FaultStore();
  readonly subscriptions = new SubscribeStore();
  /** Verdicts registered per media sha256 (hex) through POST /__dev/media-verdict. */
  readonly mediaVerdicts = new Map<string, Suggest>();
  readonly media: MediaCheckQueue;
  /** Message-push target; configuration like the apps, so reset() keeps it. */
  pushTarget: PushTarget | null;
  /** session_key per (appid, openid). */
  private readonly sessions = new Map<string, string>();

  constructor(
    apps: SimApp[],
    readonly now: () => number,
    timing: SimTiming = { mediaCheckDelayMs: 200, pushRetryDelayMs: 1000 },
    push: PushTarget | null = null,
  ) {
    this.apps = new Map(apps.map((app) => [app.appid, app]));
    this.pushTarget = push;
    this.media = new MediaCheckQueue({
      now,
      delayMs: timing.mediaCheckDelayMs,
      retryDelayMs: timing.pushRetryDelayMs,
      pushTarget: () => this.pushTarget,
      verdictFor: (sha256) => this.mediaVerdicts.get(sha256),
    });
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

  /** Forget everything issued so far; configured apps and the push target stay. */
  reset(): void {
    this.codes.clear();
    this.tokens.clear();
    this.faults.clear();
    this.sessions.clear();
    this.subscriptions.clear();
    this.mediaVerdicts.clear();
    this.media.clear();
  }
}
