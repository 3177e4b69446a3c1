import { API_BASE } from '../../services/request';

/** Signed file URLs are relative to the BFF; the weapp needs them absolute. */
export function absoluteFileUrl(url: string): string {
  return /^(https?:|blob:|data:|wxfile:)/.test(url) ? url : `${API_BASE}${url}`;
}
