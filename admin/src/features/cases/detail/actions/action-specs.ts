/**
 * What each staff action's dialog asks for. Requirements mirror `caseTransitions[action].requires`
 * (the BFF checks them again); `confirm` marks destructive actions that ask once more before
 * sending. `rate` and `dispute` belong to the reporter and are never offered here.
 */
import { caseActionLabels, type CaseAction } from '@zhili/shared';

export type ActionField =
  | 'note'
  | 'reason'
  | 'assignee'
  | 'targetRegion'
  | 'department'
  | 'level'
  | 'outcome'
  | 'mergeInto'
  | 'result'
  | 'photos';

/** `note` = 添加进展 (a timeline note, not a transition). */
export type ConsoleAction = Exclude<CaseAction, 'rate' | 'dispute'> | 'note';

export interface ActionSpec {
  title: string;
  fields: readonly ActionField[];
  required: readonly ActionField[];
  /** Which text field the reply templates of this action go into. */
  templateField?: 'note' | 'reason' | 'result';
  /** Confirmation text for destructive actions. */
  confirm?: string;
  buttonType: 'primary' | 'success' | 'warning' | 'danger' | 'default';
}

const label = (a: CaseAction): string => caseActionLabels[a];

export const actionSpecs: Record<ConsoleAction, ActionSpec> = {
  approve: { title: label('approve'), fields: ['note'], required: [], templateField: 'note', buttonType: 'success' },
  accept: { title: label('accept'), fields: ['note'], required: [], templateField: 'note', buttonType: 'primary' },
  reject: {
    title: label('reject'),
    fields: ['reason'],
    required: ['reason'],
    templateField: 'reason',
    confirm: '不予受理后工单将结束，并把原因告知反映人。确定不予受理吗？',
    buttonType: 'danger',
  },
  dispatch: {
    title: label('dispatch'),
    fields: ['assignee', 'note'],
    required: ['assignee'],
    templateField: 'note',
    buttonType: 'primary',
  },
  start: { title: label('start'), fields: ['note'], required: [], buttonType: 'primary' },
  return: {
    title: label('return'),
    fields: ['reason'],
    required: ['reason'],
    templateField: 'reason',
    buttonType: 'warning',
  },
  resolve: {
    title: label('resolve'),
    fields: ['result', 'photos'],
    required: ['result'],
    templateField: 'result',
    buttonType: 'success',
  },
  transfer: {
    title: label('transfer'),
    fields: ['targetRegion', 'department', 'reason'],
    required: ['targetRegion', 'reason'],
    templateField: 'reason',
    buttonType: 'warning',
  },
  escalate: {
    title: label('escalate'),
    fields: ['level', 'reason'],
    required: ['level', 'reason'],
    templateField: 'reason',
    buttonType: 'warning',
  },
  close: {
    title: label('close'),
    fields: ['outcome', 'note'],
    required: ['outcome'],
    templateField: 'note',
    confirm: '关闭后工单结束处理（可由工作人员重启）。确定关闭吗？',
    buttonType: 'danger',
  },
  reopen: {
    title: label('reopen'),
    fields: ['reason'],
    required: ['reason'],
    templateField: 'reason',
    buttonType: 'warning',
  },
  merge: {
    title: label('merge'),
    fields: ['mergeInto', 'note'],
    required: ['mergeInto'],
    confirm: '合并后本工单结束，后续在目标工单中处理。确定合并吗？',
    buttonType: 'danger',
  },
  note: { title: '添加进展', fields: ['note', 'photos'], required: ['note'], buttonType: 'default' },
};

/** Button order on the detail page: main line first, destructive last. */
export const actionOrder: readonly Exclude<ConsoleAction, 'note'>[] = [
  'approve',
  'accept',
  'dispatch',
  'start',
  'resolve',
  'transfer',
  'escalate',
  'return',
  'reopen',
  'close',
  'merge',
  'reject',
];

export function isConsoleAction(a: string): a is Exclude<ConsoleAction, 'note'> {
  return (actionOrder as readonly string[]).includes(a);
}
