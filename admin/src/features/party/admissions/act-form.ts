import { admissionActNeedsReason, type AdmissionAct, type AdmissionActKind } from '@zhili/shared';
import type { AdmissionActBody } from '../party-api';

/** The step dialog's fields: every kind's, only those of the chosen kind are sent. */
export interface ActForm {
  kind: AdmissionActKind | '';
  on: string;
  /** political_review / training / higher_approval: 通过 / 合格 / 批准. */
  verdict: boolean;
  eligible: number;
  present: number;
  inFavour: number;
  months: number;
  reason: string;
  approver: string;
  note: string;
  attachmentIds: string[];
}

export function emptyActForm(kind: AdmissionActKind | '', on: string): ActForm {
  return {
    kind,
    on,
    verdict: true,
    eligible: 0,
    present: 0,
    inFavour: 0,
    months: 6,
    reason: '',
    approver: '',
    note: '',
    attachmentIds: [],
  };
}

/** The act the form describes, as the shared rules take it. */
export function actOf(form: ActForm & { kind: AdmissionActKind }): AdmissionAct {
  const vote = { eligible: form.eligible, present: form.present, inFavour: form.inFavour };
  switch (form.kind) {
    case 'political_review':
    case 'training':
      return { kind: form.kind, on: form.on, passed: form.verdict };
    case 'higher_approval':
      return { kind: form.kind, on: form.on, approved: form.verdict };
    case 'branch_vote':
    case 'conversion_vote':
      return { kind: form.kind, on: form.on, vote };
    case 'postpone':
      return { kind: form.kind, on: form.on, months: form.months };
    default:
      return { kind: form.kind, on: form.on };
  }
}

/** Whether the chosen act must say why (不予发展, 未通过, 延长预备期…): the shared rule. */
export function needsReason(form: ActForm): boolean {
  return form.kind !== '' && admissionActNeedsReason(actOf(form as ActForm & { kind: AdmissionActKind }));
}

/** The request body: the act plus reason, approver, note and attachments (blanks left out). */
export function actBody(form: ActForm & { kind: AdmissionActKind }): AdmissionActBody {
  const extra = {
    ...(form.reason.trim() ? { reason: form.reason.trim() } : {}),
    ...(form.approver.trim() ? { approver: form.approver.trim() } : {}),
    ...(form.note.trim() ? { note: form.note.trim() } : {}),
    attachmentIds: [...form.attachmentIds],
  };
  return { ...actOf(form), ...extra } as AdmissionActBody;
}
