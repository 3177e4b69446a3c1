import { Text, View } from '@tarojs/components';
import { casePriorityLabels, type MpTaskItemVO } from '@zhili/shared/client';
import { Tappable } from '../../../components/a11y/Tappable';
import { dueCountdown, formatCaseTime } from '../../../utils/case-view/case-format';
import { StatusChip } from '../../../utils/case-view/StatusChip';
import './case-tasks.css';

/** A task in the list: what, where, and how long is left (red when overdue). */
export function TaskRow({
  task,
  now,
  showCountdown,
  onOpen,
}: {
  task: MpTaskItemVO;
  now: number;
  showCountdown: boolean;
  onOpen: () => void;
}) {
  const due = dueCountdown(task.dueAt, now, task.slaState);
  const urgentPriority = task.priority === 'high' || task.priority === 'urgent';
  return (
    <Tappable
      role="link"
      className={`task-row ${showCountdown && due.overdue ? 'task-row--overdue' : ''}`}
      data-test="task-row"
      data-task-id={task.id}
      data-overdue={due.overdue ? 'true' : 'false'}
      hoverClass="list-row--hover"
      onPress={onOpen}
    >
      <View className="task-row__head">
        <Text className="task-row__title">
          {urgentPriority ? <Text className="task-priority">{casePriorityLabels[task.priority]}</Text> : null}
          {task.categoryName}
        </Text>
        <StatusChip status={task.status} />
      </View>
      <Text className="task-row__desc">{task.description}</Text>
      <Text className="task-row__meta">位置：{task.address || '未填写地址'}</Text>
      <View className="task-row__head">
        <Text className="task-row__meta">
          {task.no} · {formatCaseTime(task.createdAt)}
        </Text>
        {showCountdown ? (
          <Text
            className={`task-due ${due.overdue ? 'task-due--overdue' : due.urgent ? 'task-due--urgent' : ''}`}
            data-test="task-due"
          >
            {due.text}
          </Text>
        ) : null}
      </View>
    </Tappable>
  );
}
