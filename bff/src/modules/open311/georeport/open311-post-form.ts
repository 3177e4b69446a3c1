import { normalizeMobile } from '@zhili/shared';
import type { Open311PostFormInput } from '@zhili/shared';

/** A POST Service Request form as the intake uses it (WGS84 still: converted by the intake). */
export interface Open311PostForm {
  serviceCode: string;
  /** WGS84 `[lng, lat]`. */
  point: [number, number] | null;
  addressString: string | null;
  addressId: string | null;
  description: string;
  phone: string | null;
  reporterName: string | null;
  mediaUrl: string | null;
  accountId: string | null;
}

const CJK = /[\u3400-\u9fff]/;

/** Chinese names are family name first without a space; others "given family". */
export function reporterNameOf(first: string | null, last: string | null): string | null {
  if (!first && !last) return null;
  const cjk = CJK.test(`${first ?? ''}${last ?? ''}`);
  return (cjk ? `${last ?? ''}${first ?? ''}` : [first, last].filter(Boolean).join(' ')).slice(0, 64);
}

/**
 * The checked form (the contract's `open311PostFormSchema`: every problem was reported at once, as
 * the spec's error list allows) in the intake's terms. `email`, `device_id` and `attribute[…]` are
 * not kept.
 */
export function postFormOf(form: Open311PostFormInput): Open311PostForm {
  const point: [number, number] | null =
    form.lat !== undefined && form.long !== undefined ? [form.long, form.lat] : null;
  return {
    serviceCode: form.service_code,
    point,
    addressString: form.address_string ?? null,
    addressId: form.address_id ?? null,
    description: form.description,
    phone: form.phone ? (normalizeMobile(form.phone) ?? form.phone.replace(/\s/g, '')) : null,
    reporterName: reporterNameOf(form.first_name ?? null, form.last_name ?? null),
    mediaUrl: form.media_url ?? null,
    accountId: form.account_id ?? null,
  };
}
