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
}

export interface WechatSim {
  url: string;
  port: number;
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
}
