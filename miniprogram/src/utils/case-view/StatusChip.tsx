import { Text } from '@tarojs/components';
import { caseStatusLabels, type CaseOutcome, type CaseStatus } from '@zhili/shared/client';
import { outcomeText, statusTone } from './case-format';
import './case-view.css';

/** 已受理 / 处理中 / 已关闭·未解决 …, coloured by how far the case got. */
export function StatusChip({ status, outcome = null }: { status: CaseStatus; outcome?: CaseOutcome | null }) {
  const outcomeWords = outcomeText(status, outcome);
  return (
    <Text className={`case-chip case-chip--${statusTone(status, outcome)}`} data-status={status}>
      {caseStatusLabels[status]}
      {outcomeWords ? `·${outcomeWords}` : ''}
    </Text>
  );
}
