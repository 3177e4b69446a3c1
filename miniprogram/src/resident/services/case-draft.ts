import { caseLimits, isValidMobile, normalizeMobile, type MpCaseSubmitBody } from '@zhili/shared/client';
import type { KeyValueStore } from '../../services/key-value-store';

/**
 * The resident's report draft: saved on every change (per user), restored when they come back,
 * cleared only after the BFF confirmed the case. Its idempotency key is made once, with the draft,
 * and travels with it into the submit and the offline outbox. Pure.
 */

export interface DraftPhoto {
  /** Stored file id from POST /api/mp/files. */
  fileId: string;
  /** Signed link (expires; only for the thumbnail). */
  url: string;
  /** The local file it came from (valid for this app session in weapp). */
  localPath: string;
}

export interface CaseDraft {
  idempotencyKey: string;
  categoryCode: string | null;
  description: string;
  /** Uploaded photos only: a photo still uploading is not worth restoring. */
  photos: DraftPhoto[];
  location: { lng: number; lat: number } | null;
  address: string;
  anonymous: boolean;
  /** null = the bound number (the BFF's default); otherwise the number typed in. */
  contactPhone: string | null;
  updatedAt: number;
}

export const draftKey = (userId: string): string => `zhili.caseDraft.${userId}`;

export function emptyDraft(idempotencyKey: string, now: number = Date.now()): CaseDraft {
  return {
    idempotencyKey,
    categoryCode: null,
    description: '',
    photos: [],
    location: null,
    address: '',
    anonymous: false,
    contactPhone: null,
    updatedAt: now,
  };
}

function isPoint(v: unknown): v is { lng: number; lat: number } {
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof (v as { lng?: unknown }).lng === 'number' &&
    typeof (v as { lat?: unknown }).lat === 'number'
  );
}

function isPhoto(v: unknown): v is DraftPhoto {
  if (typeof v !== 'object' || v === null) return false;
  const p = v as Partial<DraftPhoto>;
  return typeof p.fileId === 'string' && typeof p.url === 'string' && typeof p.localPath === 'string';
}

/** A stored value read back defensively: wrong fields become their empty value; no key → null. */
function parseDraft(raw: unknown): CaseDraft | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const d = raw as Partial<Record<keyof CaseDraft, unknown>>;
  if (typeof d.idempotencyKey !== 'string' || d.idempotencyKey.length < caseLimits.idempotencyKey.min) return null;
  return {
    idempotencyKey: d.idempotencyKey,
    categoryCode: typeof d.categoryCode === 'string' ? d.categoryCode : null,
    description: typeof d.description === 'string' ? d.description : '',
    photos: Array.isArray(d.photos) ? d.photos.filter(isPhoto).slice(0, caseLimits.photos.max) : [],
    location: isPoint(d.location) ? d.location : null,
    address: typeof d.address === 'string' ? d.address : '',
    anonymous: d.anonymous === true,
    contactPhone: typeof d.contactPhone === 'string' ? d.contactPhone : null,
    updatedAt: typeof d.updatedAt === 'number' ? d.updatedAt : 0,
  };
}

/** The user's saved draft, or a fresh one with a new key (not stored until something changes). */
export function loadDraft(store: KeyValueStore, userId: string, newKey: () => string): CaseDraft {
  return parseDraft(store.get(draftKey(userId))) ?? emptyDraft(newKey());
}

export function saveDraft(store: KeyValueStore, userId: string, draft: CaseDraft): void {
  store.set(draftKey(userId), draft);
}

export function clearDraft(store: KeyValueStore, userId: string): void {
  store.remove(draftKey(userId));
}

/** Nothing typed or picked yet (the key alone is not worth restoring). */
export function isDraftEmpty(d: CaseDraft): boolean {
  return (
    !d.categoryCode && d.description.trim() === '' && d.photos.length === 0 && !d.location && d.address.trim() === ''
  );
}

export type DraftField = 'category' | 'description' | 'location' | 'address' | 'contactPhone';
export type DraftCheck =
  { ok: true; body: MpCaseSubmitBody } | { ok: false; errors: Partial<Record<DraftField, string>> };

/** Checks the draft against the shared limits (as the BFF will) and builds the request body. */
export function toSubmitBody(d: CaseDraft): DraftCheck {
  const errors: Partial<Record<DraftField, string>> = {};
  const description = d.description.trim();
  const address = d.address.trim();
  if (!d.categoryCode) errors.category = '请选择问题类型';
  if (description.length < caseLimits.description.min)
    errors.description = `请描述问题，至少 ${caseLimits.description.min} 个字`;
  else if (description.length > caseLimits.description.max)
    errors.description = `问题描述不能超过 ${caseLimits.description.max} 字`;
  if (!d.location) errors.location = '请定位或选择问题位置';
  if (address.length > caseLimits.address.max) errors.address = `地址不能超过 ${caseLimits.address.max} 字`;
  if (d.contactPhone !== null && !isValidMobile(d.contactPhone)) errors.contactPhone = '请输入 11 位手机号';
  if (Object.keys(errors).length > 0 || !d.categoryCode || !d.location) return { ok: false, errors };
  const body: MpCaseSubmitBody = {
    idempotencyKey: d.idempotencyKey,
    categoryCode: d.categoryCode,
    description,
    photoIds: d.photos.map((p) => p.fileId),
    location: { lng: d.location.lng, lat: d.location.lat },
    address,
    anonymous: d.anonymous,
  };
  if (d.contactPhone !== null) body.contactPhone = normalizeMobile(d.contactPhone) ?? d.contactPhone;
  return { ok: true, body };
}
