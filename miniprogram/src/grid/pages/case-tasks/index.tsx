import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Role } from '@zhili/shared/client';
import { useEffect, useRef, useState } from 'react';
import { ChoiceGroup } from '../../../components/a11y/ChoiceGroup';
import { Screen } from '../../../components/a11y/Screen';
import { Tappable } from '../../../components/a11y/Tappable';
import { RoleGate } from '../../../components/RoleGate';
import { EmptyState, ErrorState, LoadingSkeleton } from '../../../components/StateView';
import { WithProfile } from '../../../components/WithProfile';
import { useProfile } from '../../../hooks/useProfile';
import { caseTaskUrl } from '../../../utils/case-routes';
import { useNow } from '../../../utils/case-view/useNow';
import { ListFooter } from '../../components/ListFooter';
import { usePagedList } from '../../../hooks/usePagedList';
import { fetchTasks, type TaskTab } from '../../services/case-task-api';
import { liveTasksAvailable, subscribeTaskAssigned } from '../../services/task-live';
import { TaskRow } from './TaskRow';
import '../../components/grid.css';
import './case-tasks.css';

const tabs: { key: TaskTab; label: string }[] = [
  { key: 'todo', label: '待办' },
  { key: 'done', label: '已办' },
];

function TaskList() {
  const [tab, setTab] = useState<TaskTab>('todo');
  const list = usePagedList((page) => fetchTasks(tab, page));
  const now = useNow();
  const { reload } = list;
  const tabRef = useRef(tab);
  tabRef.current = tab;

  useEffect(() => {
    void reload();
  }, [tab, reload]);
  // weapp has no live push yet: every return to the list refreshes it.
  useDidShow(() => {
    void reload();
  });
  usePullDownRefresh(() => {
    void reload().finally(() => Taro.stopPullDownRefresh());
  });
  useReachBottom(() => void list.loadMore());
  useEffect(
    () =>
      subscribeTaskAssigned((task) => {
        void Taro.showToast({ title: `新工单：${task.categoryName}`, icon: 'none', duration: 3000 });
        if (tabRef.current === 'todo') void reload();
      }),
    [reload],
  );

  let body;
  if (list.loading && list.items.length === 0) body = <LoadingSkeleton rows={4} />;
  else if (list.error && list.items.length === 0)
    body = <ErrorState message={list.error} onRetry={() => void reload()} />;
  else if (list.items.length === 0)
    body = (
      <EmptyState
        title={tab === 'todo' ? '暂无待办工单' : '还没有办过的工单'}
        description={tab === 'todo' ? '派给您的问题会出现在这里。' : undefined}
      />
    );
  else
    body = (
      <View className="list-group" data-test="task-list">
        {list.items.map((task) => (
          <TaskRow
            key={task.id}
            task={task}
            now={now}
            showCountdown={tab === 'todo'}
            onOpen={() => void Taro.navigateTo({ url: caseTaskUrl(task.id) })}
          />
        ))}
      </View>
    );

  return (
    <View>
      <ChoiceGroup role="tablist" label="工单" className="task-tabs">
        {tabs.map((t) => (
          <Tappable
            key={t.key}
            role="tab"
            selected={t.key === tab}
            tabStop={t.key === tab}
            data-test={`task-tab-${t.key}`}
            className={`task-tab ${t.key === tab ? 'task-tab--active' : ''}`}
            onPress={() => setTab(t.key)}
          >
            {t.label}
          </Tappable>
        ))}
      </ChoiceGroup>
      {liveTasksAvailable ? <Text className="task-live">新工单会实时出现</Text> : null}
      {body}
      <ListFooter list={list} unit="件" />
    </View>
  );
}

/** 我的工单: cases dispatched to this grid worker, by deadline, overdue in red. */
export default function GridCaseTasks() {
  const [state, reload] = useProfile();
  return (
    <Screen>
      <WithProfile state={state} reload={reload}>
        {(profile) => (
          <RoleGate
            profile={profile}
            role={Role.GridWorker}
            title="需由社区（村）绑定网格员身份后使用"
            explanation="网格员身份由所在社区或村在管理后台核实并绑定。如果你是网格员，请联系所在社区（村）；绑定后重新进入本页即可使用。"
          >
            <TaskList />
          </RoleGate>
        )}
      </WithProfile>
    </Screen>
  );
}
