// Shared types of the WeChat simulator (no runtime code).

export interface SimApp {
  appid: string;
  secret: string;
  /**
   * Open-platform account this app is bound to. When set, jscode2session also returns a unionid
   * (identical across apps with the same group), which is when real WeChat sends one.
   */
  unionGroup?: string;
}

/** One line of the request log (the CLI prints these as JSON). */
export interface RequestLogEntry {
  method: string;
  path: string;
  status: number;
  /** errcode of the response body; null when the body has none (successes, dev endpoints). */
  errcode: number | null;
  ms: number;
}

export interface WechatSimOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** Loopback only by default: this is a test double holding secrets in memory. */
  host?: string;
  apps: SimApp[];
  /** Epoch milliseconds; tests pass a controllable clock to expire codes/tokens instantly. */
  now?: () => number;
  onRequest?: (entry: RequestLogEntry) => void;
  /** Message-push target (WeChat's 消息推送 config); can also be set later with `setPush`. */
  push?: PushTarget;
  /** How long an async media check "takes" before its result is pushed (default 200 ms). */
  mediaCheckDelayMs?: number;
  /** Pause between push attempts when the receiver does not answer "success" (default 1000 ms). */
  pushRetryDelayMs?: number;
}

/** Where the simulator pushes events, as configured under 开发管理 → 消息推送 in the MP admin. */
export interface PushTarget {
  url: string;
  /** The Token used for `signature` / `msg_signature` (3-32 letters or digits). */
  token: string;
  /** EncodingAESKey (43 letters/digits): set → safe mode (安全模式), absent → plaintext mode. */
  aesKey?: string;
}

export type Suggest = 'pass' | 'review' | 'risky';

/** One accepted subscribeMessage.send call (what the user would see in their service notices). */
export interface SentSubscribeMessage {
  appid: string;
  touser: string;
  template_id: string;
  page: string | null;
  data: Record<string, { value: string }>;
  miniprogram_state: string;
  lang: string;
  /** Epoch ms (simulator clock). */
  sentAt: number;
}

/** One media_check_async job and how far it got. */
export interface MediaCheckRecord {
  traceId: string;
  appid: string;
  openid: string;
  mediaUrl: string;
  scene: number;
  status: 'queued' | 'pushed' | 'push_failed' | 'no_push_target';
  suggest: Suggest | null;
  label: number | null;
  /** Why the media could not be checked (download failure); null when it was. */
  fetchError: string | null;
  pushAttempts: number;
}

export type Availability = 'up' | 'refused';

export interface WechatSim {
  url: string;
  port: number;
  /** Points message pushes somewhere else (tests learn the BFF's port after starting the sim). */
  setPush(target: PushTarget | null): void;
  /**
   * 'refused' closes the listening socket (clients get ECONNREFUSED), 'up' listens again on the
   * same port. HTTP-level outages (5xx on every WeChat path) go through `POST /__dev/outage`.
   */
  setAvailability(mode: Availability): Promise<void>;
  /** Accepted subscribe messages, oldest first; only those to `openid` when given. */
  subscribeMessages(openid?: string): SentSubscribeMessage[];
  mediaChecks(): MediaCheckRecord[];
  /** Resolves once every queued media check has been decided and its push delivered or given up. */
  idle(): Promise<void>;
  close(): Promise<void>;
}

export type JsonValue = null | boolean | number | string | JsonValue[] | JsonObject;
export interface JsonObject {
  [key: string]: JsonValue;
}

/** Request as seen by route handlers: already parsed, independent of node:http. */
export interface SimRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  /** Raw body text; '' when there is none. */
  body: string;
  /** True when the body exceeded the size limit and was discarded. */
  bodyTooLarge: boolean;
}

export interface SimResponse {
  status: number;
  body: JsonValue;
  /** Optional artificial latency (used by injected faults to provoke client timeouts). */
  delayMs?: number;
  /** Non-JSON body (an outage's gateway page); `body` is then only used for the log. */
  raw?: { contentType: string; text: string };
}
