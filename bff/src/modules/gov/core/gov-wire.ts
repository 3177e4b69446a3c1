import { wgs84ToGcj02 } from '@zhili/shared';

/** Shapes and conventions both platforms share (docs/GOV-PROTOCOL.md §2.4). */
export type GovCoordType = 'wgs84' | 'gcj02';

export interface GovLocation {
  lng: number;
  lat: number;
  coordType: GovCoordType;
}

/** Platforms send WGS84 (CGCS2000, the national standard) or GCJ-02; we store GCJ-02. */
export function toGcj02(location: GovLocation): { lng: number; lat: number } {
  const [lng, lat] =
    location.coordType === 'gcj02' ? [location.lng, location.lat] : wgs84ToGcj02([location.lng, location.lat]);
  return { lng, lat };
}

/** Seconds-resolution ISO 8601 in Beijing time, as the platforms write timestamps. */
export function beijingIso(date: Date): string {
  return `${new Date(date.getTime() + 8 * 3600_000).toISOString().slice(0, 19)}+08:00`;
}

/** Cuts text to a column's length (platform fields can be longer than ours). */
export function clip(text: string | null | undefined, max: number): string | null {
  const trimmed = text?.trim();
  return trimmed ? trimmed.slice(0, max) : null;
}
