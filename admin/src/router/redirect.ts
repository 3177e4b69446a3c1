import type { LocationQueryValue } from 'vue-router';

/** Accepts only in-app absolute paths (no protocol-relative or external URLs, never /login). */
export function safeRedirect(value: LocationQueryValue | LocationQueryValue[] | undefined): string | null {
  const raw = Array.isArray(value) ? value[0] : value;
  if (typeof raw !== 'string' || !raw.startsWith('/') || raw.startsWith('//')) return null;
  if (raw === '/login' || raw.startsWith('/login?')) return null;
  return raw;
}
