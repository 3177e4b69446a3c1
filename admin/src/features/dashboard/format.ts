import type { HealthReport } from '@/api/system';

const dbLabels: Record<HealthReport['db'], string> = { sqlite: 'SQLite', mysql: 'MySQL' };
const cacheLabels: Record<HealthReport['cache'], string> = { memory: '内存', redis: 'Redis' };

export function dbLabel(db: string): string {
  return (dbLabels as Record<string, string | undefined>)[db] ?? db;
}

export function cacheLabel(cache: string): string {
  return (cacheLabels as Record<string, string | undefined>)[cache] ?? cache;
}

/** 3天4小时12分钟 / 2小时5分钟 / 5分钟30秒 / 12秒. */
export function formatUptime(totalSeconds: number): string {
  const s = Math.max(0, Math.floor(totalSeconds));
  const days = Math.floor(s / 86_400);
  const hours = Math.floor((s % 86_400) / 3_600);
  const minutes = Math.floor((s % 3_600) / 60);
  const seconds = s % 60;
  if (days > 0) return `${days}天${hours}小时${minutes}分钟`;
  if (hours > 0) return `${hours}小时${minutes}分钟`;
  if (minutes > 0) return `${minutes}分钟${seconds}秒`;
  return `${seconds}秒`;
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** HH:mm:ss in local time. */
export function formatClock(epochMs: number): string {
  const d = new Date(epochMs);
  return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

/** YYYY-MM-DD HH:mm:ss in local time. */
export function formatDateTime(epochMs: number): string {
  const d = new Date(epochMs);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${formatClock(epochMs)}`;
}

/** `<1 ms` / `3 ms` / `2.4 ms` / `120 ms`. */
export function formatLatency(ms: number): string {
  if (ms < 1) return '<1 ms';
  if (Number.isInteger(ms) || ms >= 10) return `${Math.round(ms)} ms`;
  return `${ms.toFixed(1)} ms`;
}

/** Defensive check for realtime payloads (the socket is not typed at runtime). */
export function isHealthReport(value: unknown): value is HealthReport {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Partial<HealthReport>;
  return (
    typeof v.status === 'string' &&
    typeof v.uptimeSec === 'number' &&
    typeof v.checks === 'object' &&
    v.checks !== null &&
    typeof v.checks.db?.latencyMs === 'number' &&
    typeof v.checks.cache?.latencyMs === 'number'
  );
}
