import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { householdTypeLabels, Role, type MpGridOverviewVO } from '@zhili/shared/client';
import { useEffect } from 'react';
import { aria } from '../../../components/a11y/aria';
import { Heading } from '../../../components/a11y/Heading';
import { Screen } from '../../../components/a11y/Screen';
import { Tappable } from '../../../components/a11y/Tappable';
import { ListGroup, ListRow } from '../../../components/ListRows';
import { RoleGate } from '../../../components/RoleGate';
import { ErrorState, LoadingSkeleton } from '../../../components/StateView';
import { WithProfile } from '../../../components/WithProfile';
import { useAsync } from '../../../hooks/useAsync';
import { useProfile } from '../../../hooks/useProfile';
import { caseRoutes } from '../../../utils/case-routes';
import { routes } from '../../../utils/routes';
import { visitsToDoText } from '../../format';
import { fetchGridOverview } from '../../services/grid-api';
import '../../components/grid.css';

function Stat({ id, value, label, alert = false }: { id: string; value: number; label: string; alert?: boolean }) {
  return (
    <View className="grid-stat">
      <Text id={id} className={`grid-stat__value ${alert && value > 0 ? 'grid-stat__value--alert' : ''}`}>
        {value}
      </Text>
      <Text className="grid-stat__label">{label}</Text>
    </View>
  );
}

function Overview() {
  const [state, reload] = useAsync<MpGridOverviewVO>(fetchGridOverview);
  useEffect(() => {
    void reload();
  }, [reload]);
  usePullDownRefresh(() => {
    void reload().finally(() => Taro.stopPullDownRefresh());
  });

  if (!state.data) {
    if (state.status === 'error') return <ErrorState message={state.message} onRetry={() => void reload()} />;
    return <LoadingSkeleton rows={4} />;
  }
  const o = state.data;
  const open = (url: string) => void Taro.navigateTo({ url });
  return (
    <View>
      <View className="card" id="grid-overview">
        <Heading className="grid-title" id="grid-region-name">
          {o.region?.name ?? '未绑定网格'}
        </Heading>
        <Text className="grid-sub">
          常住户 {o.householdsByType.resident} · 流动户 {o.householdsByType.floating} · 空壳户{' '}
          {o.householdsByType.empty}
        </Text>
        <View className="grid-stats" {...aria({ role: 'group', label: '本网格概况' })}>
          <Stat id="grid-households" value={o.counts.households} label="户数" />
          <Stat id="grid-persons" value={o.counts.persons} label="人口" />
          <Stat id="grid-houses" value={o.counts.houses} label="房屋" />
          <Stat id="grid-businesses" value={o.counts.businesses} label="经营单位" />
        </View>
      </View>
      <View className="section card">
        <Heading>走访提醒</Heading>
        <Tappable
          role="link"
          className="grid-stats"
          id="grid-visits-due"
          label={`走访待办：已逾期 ${o.visitsDue.overdue}，今日应访 ${o.visitsDue.due}，即将到期 ${o.visitsDue.upcoming}`}
          onPress={() => open(routes.gridVisitsDue)}
        >
          <Stat id="grid-due-overdue" value={o.visitsDue.overdue} label="已逾期" alert />
          <Stat id="grid-due-due" value={o.visitsDue.due} label="今日应访" alert />
          <Stat id="grid-due-upcoming" value={o.visitsDue.upcoming} label="即将到期" />
        </Tappable>
      </View>
      <View className="section">
        <ListGroup>
          <ListRow
            id="grid-entry-households"
            title="户籍查询"
            value={`${householdTypeLabels.resident}等 ${o.counts.households} 户`}
            onClick={() => open(routes.gridHouseholds)}
          />
          <ListRow
            id="grid-entry-persons"
            title="人员查询"
            value={`${o.counts.persons} 人`}
            onClick={() => open(routes.gridPersons)}
          />
          <ListRow
            id="grid-entry-visits"
            title="走访待办"
            value={visitsToDoText(o.visitsDue)}
            onClick={() => open(routes.gridVisitsDue)}
          />
          <ListRow
            id="grid-entry-case-tasks"
            title="我的工单"
            value="派给我的问题上报"
            onClick={() => open(caseRoutes.gridCaseTasks)}
          />
        </ListGroup>
      </View>
    </View>
  );
}

/** Grid worker desk: the worker's grid at a glance, with the registry and the visits due. */
export default function GridTasks() {
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
            <Overview />
          </RoleGate>
        )}
      </WithProfile>
    </Screen>
  );
}
