import type { MeetingType } from '@zhili/shared';
import type { MeetingCreateBody } from './meetings-api';

/**
 * The create dialog's fields as the form holds them. Times are Beijing wall-clock text
 * (`2026-12-06 15:00`, the pickers' value format), whatever the browser's zone; number inputs may be empty.
 */
export interface MeetingForm {
  orgId: string;
  type: MeetingType | '';
  startsAt: string;
  endsAt: string;
  place: string;
  host: string;
  topic: string;
  /** Also allow check-in by location within `radiusM` of the place. */
  byLocation: boolean;
  lng: number | null;
  lat: number | null;
  radiusM: number;
}

/** Default radius of location check-in, metres (a village committee's yard and hall). */
export const DEFAULT_RADIUS_M = 200;

const HOUR_MS = 3_600_000;
const BEIJING_OFFSET_MS = 8 * HOUR_MS;

/** `2026-12-06 15:00` in Beijing time for an instant. */
export function beijingText(at: Date): string {
  return new Date(at.getTime() + BEIJING_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');
}

/** The instant of a Beijing wall-clock text (`2026-12-06 15:00`), as ISO UTC; null when unreadable. */
export function fromBeijingText(text: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/.test(text)) return null;
  const ms = Date.parse(`${text.replace(' ', 'T')}:00+08:00`);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

/** A new form: the next full hour (Beijing) to an hour and a half later (a typical 支委会), QR check-in only. */
export function emptyMeetingForm(now: Date, orgId = ''): MeetingForm {
  const start = Math.floor(now.getTime() / HOUR_MS) * HOUR_MS + HOUR_MS;
  return {
    orgId,
    type: '',
    startsAt: beijingText(new Date(start)),
    endsAt: beijingText(new Date(start + 90 * 60_000)),
    place: '',
    host: '',
    topic: '',
    byLocation: false,
    lng: null,
    lat: null,
    radiusM: DEFAULT_RADIUS_M,
  };
}

/** Whether the end comes after the start (the BFF says the same at `endsAt`). */
export function endsAfterStart(form: Pick<MeetingForm, 'startsAt' | 'endsAt'>): boolean {
  const [start, end] = [fromBeijingText(form.startsAt), fromBeijingText(form.endsAt)];
  return !start || !end || Date.parse(end) > Date.parse(start);
}

/** The create body; call after the form's rules passed (type and both times are set). */
export function meetingCreateBody(form: MeetingForm): MeetingCreateBody {
  const [startsAt, endsAt] = [fromBeijingText(form.startsAt), fromBeijingText(form.endsAt)];
  if (!form.type || !startsAt || !endsAt) throw new Error('meeting form not validated');
  const located = form.byLocation && form.lng !== null && form.lat !== null;
  return {
    orgId: form.orgId,
    type: form.type,
    startsAt,
    endsAt,
    place: form.place.trim(),
    host: form.host.trim(),
    topic: form.topic.trim(),
    lng: located ? form.lng : null,
    lat: located ? form.lat : null,
    radiusM: located ? form.radiusM : null,
  };
}
