import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { genderLabels, headRelationLabels, householdTypeLabels, type HouseholdDetailVO } from '@zhili/shared/client';
import { useEffect } from 'react';
import { Heading } from '../../../components/a11y/Heading';
import { Screen } from '../../../components/a11y/Screen';
import { ListGroup, ListRow } from '../../../components/ListRows';
import { EmptyState, ErrorState, LoadingSkeleton } from '../../../components/StateView';
import { useAsync } from '../../../hooks/useAsync';
import { routes } from '../../../utils/routes';
import { fetchHousehold } from '../../services/grid-api';
import '../../components/grid.css';

/** Household card: type, address, land notes and the members (masked), each opening the person. */
export default function GridHousehold() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const [state, reload] = useAsync<HouseholdDetailVO>(() => fetchHousehold(id));
  useEffect(() => {
    void reload();
  }, [reload]);

  if (!state.data) {
    return (
      <Screen>
        {state.status === 'error' ? (
          <ErrorState message={state.message} onRetry={() => void reload()} />
        ) : (
          <LoadingSkeleton rows={5} />
        )}
      </Screen>
    );
  }
  const h = state.data;
  return (
    <Screen>
      <View className="card" id="household-card">
        <View className="grid-item__head">
          <Heading className="grid-title" id="household-head">
            {h.headName ? `${h.headName}户` : '未登记户主'}
          </Heading>
          <Text className="grid-badge grid-badge--type" id="household-type">
            {householdTypeLabels[h.type]}
          </Text>
        </View>
        <Text className="grid-sub">{h.address ?? '地址未登记'}</Text>
        <Text className="grid-sub">
          {h.regionName}
          {h.code ? ` · 户号 ${h.code}` : ''} · {h.memberCount} 人
        </Text>
      </View>
      {h.landNote ? (
        <View className="section card">
          <Heading className="grid-card__title">承包地及种养情况</Heading>
          <Text className="grid-sub">{h.landNote}</Text>
        </View>
      ) : null}
      <View className="section">
        <Heading>家庭成员</Heading>
        {h.members.length === 0 ? (
          <EmptyState title={h.type === 'empty' ? '空壳户：无常住成员' : '暂无登记成员'} />
        ) : (
          <ListGroup label="家庭成员">
            {h.members.map((m) => (
              <ListRow
                key={m.id}
                id={`household-member-${m.id}`}
                title={`${m.name}（${m.relationToHead ? headRelationLabels[m.relationToHead] : '成员'}）`}
                value={`${genderLabels[m.gender]}${m.age !== null ? ` · ${m.age}岁` : ''}${m.phone ? ` · ${m.phone}` : ''}`}
                onClick={() => void Taro.navigateTo({ url: `${routes.gridPerson}?id=${m.id}` })}
              />
            ))}
          </ListGroup>
        )}
      </View>
    </Screen>
  );
}
