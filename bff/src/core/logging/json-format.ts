/**
 * Structured logs: one JSON object per line, with the request id on every line written while a
 * request is being handled, so a support engineer can grep one request end to end.
 */
interface LogInfo {
  level: string;
  timestamp: number | string;
  message: string;
  pid?: number;
  ctx?: { requestId?: string; method?: string; path?: string };
}

export function jsonFormat(info: LogInfo): string {
  return JSON.stringify({
    time: new Date(info.timestamp ?? Date.now()).toISOString(),
    level: info.level,
    pid: info.pid,
    msg: info.message,
  });
}

export function jsonContextFormat(info: LogInfo): string {
  return JSON.stringify({
    time: new Date(info.timestamp ?? Date.now()).toISOString(),
    level: info.level,
    pid: info.pid,
    requestId: info.ctx?.requestId,
    method: info.ctx?.method,
    path: info.ctx?.path,
    msg: info.message,
  });
}
