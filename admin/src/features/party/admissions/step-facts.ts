import type { AdmissionStepVO } from '@zhili/shared';

const verdicts: Record<string, [string, string]> = {
  political_review: ['政审通过', '政审未通过'],
  training: ['培训合格', '培训不合格'],
  higher_approval: ['上级党委批准', '上级党委不批准'],
};

/** The lines a step shows under its name: verdict, vote, months, approver, reason, note. */
export function stepFacts(step: AdmissionStepVO): string[] {
  const d = step.detail;
  const facts: string[] = [];
  const verdict = verdicts[step.kind];
  const yes = d.passed ?? d.approved;
  if (verdict && typeof yes === 'boolean') facts.push(yes ? verdict[0] : verdict[1]);
  if (typeof d.eligible === 'number')
    facts.push(`应到 ${d.eligible} 人，实到 ${String(d.present)} 人，赞成 ${String(d.inFavour)} 人`);
  if (typeof d.months === 'number') facts.push(`延长预备期 ${d.months} 个月，至 ${String(d.probationEndsOn)}`);
  else if (typeof d.probationEndsOn === 'string') facts.push(`预备期至 ${d.probationEndsOn}`);
  if (step.approver) facts.push(`审批/经办：${step.approver}`);
  if (step.reason) facts.push(`原因：${step.reason}`);
  if (step.note) facts.push(`备注：${step.note}`);
  return facts;
}
