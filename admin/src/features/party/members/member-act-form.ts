import type { MemberActKind } from '@zhili/shared';
import type { MemberActBody } from '../party-api';

/** The status-change dialog's fields: every kind's, only those of the chosen kind are sent. */
export interface MemberActForm {
  kind: MemberActKind | '';
  on: string;
  toOrgId: string;
  letterNo: string;
  destination: string;
  place: string;
  contactOrg: string;
  reason: string;
  note: string;
}

export function emptyMemberActForm(on: string): MemberActForm {
  return { kind: '', on, toOrgId: '', letterNo: '', destination: '', place: '', contactOrg: '', reason: '', note: '' };
}

/** Which extra fields each kind asks for (the form shows these and requires them). */
export const memberActFields: Record<MemberActKind, (keyof MemberActForm)[]> = {
  transfer_within: ['toOrgId'],
  transfer_out: ['letterNo', 'destination'],
  flow_out: ['place', 'contactOrg'],
  flow_back: [],
  expel: ['reason'],
  stop: ['reason'],
  death: [],
};

/** The request body: the kind, its date, its own fields trimmed, a note when written. */
export function memberActBody(form: MemberActForm & { kind: MemberActKind }): MemberActBody {
  const fields = Object.fromEntries(memberActFields[form.kind].map((key) => [key, String(form[key]).trim()]));
  const note = form.note.trim();
  return { kind: form.kind, on: form.on, ...fields, ...(note ? { note } : {}) } as MemberActBody;
}
