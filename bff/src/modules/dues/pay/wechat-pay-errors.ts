// Typed failures of the WeChat Pay client: callers branch on the class, never on message text.

/** WeChat Pay answered (signed) with an error: `{ code, message }` and an HTTP status. The call was received. */
export class WechatPayApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly detail?: unknown,
  ) {
    super(`WeChat Pay ${status} ${code}: ${message}`);
    this.name = 'WechatPayApiError';
  }
}

/** No answer (connection refused, reset, timeout): whether WeChat Pay acted is unknown — query before retrying. */
export class WechatPayNetworkError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(`WeChat Pay unreachable: ${message}`, options);
    this.name = 'WechatPayNetworkError';
  }
}

/** An answer whose Wechatpay-* signature did not verify: it is not from WeChat Pay and nothing in it is used. */
export class WechatPaySignatureError extends Error {
  constructor(
    readonly reason: string,
    readonly hint?: string,
  ) {
    super(`WeChat Pay answer refused: ${reason}${hint ? ` (${hint})` : ''}`);
    this.name = 'WechatPaySignatureError';
  }
}

/** The trade bill file does not match the SHA1 announced by the signed bill answer. */
export class WechatPayBillHashError extends Error {
  constructor(
    readonly expected: string,
    readonly actual: string,
  ) {
    super(`trade bill hash mismatch: expected ${expected}, got ${actual}`);
    this.name = 'WechatPayBillHashError';
  }
}
