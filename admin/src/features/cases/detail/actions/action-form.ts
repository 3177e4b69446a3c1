/**
 * Form state, validation rules (Chinese messages, `caseLimits`) and request body of the action
 * dialog. Pure: the dialog owns the side effects.
 */
import type { FormItemRule } from 'element-plus';
import { caseLimits, type CaseActionBody, type CaseOutcome, type EscalationLevel } from '@zhili/shared';
import type { ActionField, ActionSpec, ConsoleAction } from './action-specs';

export interface ActionForm {
  note: string;
  reason: string;
  result: string;
  assignee: { kind: 'mp' | 'staff'; id: string } | null;
  targetRegionId: string;
  department: string;
  level: EscalationLevel | '';
  outcome: CaseOutcome | '';
  mergeIntoId: string;
  photoIds: string[];
}

export const emptyActionForm = (): ActionForm => ({
  note: '',
  reason: '',
  result: '',
  assignee: null,
  targetRegionId: '',
  department: '',
  level: '',
  outcome: '',
  mergeIntoId: '',
  photoIds: [],
});

const lengthRule = (what: string, min: number, max: number): FormItemRule => ({
  validator: (_rule, value: string, callback) => {
    const n = (value ?? '').trim().length;
    if (n > 0 && n < min) callback(new Error(`${what}至少 ${min} 个字`));
    else if (n > max) callback(new Error(`${what}最多 ${max} 个字`));
    else callback();
  },
  trigger: 'blur',
});

const requiredRule = (message: string, trigger: 'blur' | 'change' = 'change'): FormItemRule => ({
  required: true,
  whitespace: true,
  message,
  trigger,
});

/** Element Plus rules for the fields the action shows. */
export function actionRules(
  action: ConsoleAction,
  spec: ActionSpec,
): Partial<Record<keyof ActionForm, FormItemRule[]>> {
  const needs = (f: ActionField): boolean => spec.required.includes(f);
  const reasonWord =
    action === 'reject'
      ? '不予受理原因'
      : action === 'return'
        ? '退回原因'
        : action === 'transfer'
          ? '转办原因'
          : action === 'escalate'
            ? '上报原因'
            : '原因';
  return {
    note: [
      ...(needs('note') ? [requiredRule('请填写进展说明', 'blur')] : []),
      lengthRule(action === 'note' ? '进展说明' : '备注', 1, caseLimits.note.max),
    ],
    reason: [
      requiredRule(`请填写${reasonWord}`, 'blur'),
      lengthRule(reasonWord, caseLimits.reason.min, caseLimits.reason.max),
    ],
    result: [
      requiredRule('请填写处理结果', 'blur'),
      lengthRule('处理结果', caseLimits.result.min, caseLimits.result.max),
    ],
    assignee: [{ required: true, message: '请选择处理人', trigger: 'change', type: 'object' }],
    targetRegionId: [requiredRule('请选择转办到的区域')],
    level: [requiredRule('请选择上报层级')],
    outcome: [requiredRule('请选择关闭结果')],
    mergeIntoId: [requiredRule('请选择要合并到的工单')],
  };
}

/** `POST /cases/:id/actions` body: only the fields this action uses, trimmed, with the version. */
export function actionBody(
  action: Exclude<ConsoleAction, 'note'>,
  spec: ActionSpec,
  form: ActionForm,
  version: number,
): CaseActionBody {
  const has = (f: ActionField): boolean => spec.fields.includes(f);
  const text = (v: string): string | undefined => v.trim() || undefined;
  return {
    action,
    version,
    ...(has('note') && text(form.note) ? { note: text(form.note) } : {}),
    ...(has('reason') ? { reason: text(form.reason) } : {}),
    ...(has('result') ? { result: text(form.result) } : {}),
    ...(has('assignee') && form.assignee ? { assignee: form.assignee } : {}),
    ...(has('targetRegion') ? { targetRegionId: form.targetRegionId } : {}),
    ...(has('department') && text(form.department) ? { department: text(form.department) } : {}),
    ...(has('level') && form.level ? { level: form.level } : {}),
    ...(has('outcome') && form.outcome ? { outcome: form.outcome } : {}),
    ...(has('mergeInto') ? { mergeIntoId: form.mergeIntoId } : {}),
    ...(has('photos') && form.photoIds.length > 0 ? { photoIds: [...form.photoIds] } : {}),
  };
}
