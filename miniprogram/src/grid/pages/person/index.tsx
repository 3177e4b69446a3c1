import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import {
  genderLabels,
  headRelationLabels,
  householdTypeLabels,
  hukouTypeLabels,
  permitStatusLabels,
  type PersonDetailVO,
} from '@zhili/shared/client';
import { Heading } from '../../../components/a11y/Heading';
import { Screen } from '../../../components/a11y/Screen';
import { ListGroup, ListRow } from '../../../components/ListRows';
import { EmptyState, ErrorState, LoadingSkeleton } from '../../../components/StateView';
import { useAsync } from '../../../hooks/useAsync';
import { Button } from '../../../ui/nutui';
import { PhotoGrid } from '../../../utils/case-view/PhotoGrid';
import { routes } from '../../../utils/routes';
import { DueBadge, TagList } from '../../components/badges';
import { formatDate, formatDateTime } from '../../format';
import { fetchPerson } from '../../services/grid-api';
import '../../components/grid.css';

/** A person's card (masked), their tags, visit status and visit history, and 记录走访. */
export default function GridPerson() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const [state, reload] = useAsync<PersonDetailVO>(() => fetchPerson(id));
  // Reload on show: coming back from 记录走访 must show the new visit.
  useDidShow(() => {
    void reload();
  });

  if (!state.data) {
    return (
      <Screen>
        {state.status === 'error' ? (
          <ErrorState message={state.message} onRetry={() => void reload()} />
        ) : (
          <LoadingSkeleton rows={6} />
        )}
      </Screen>
    );
  }
  const p = state.data;
  return (
    <Screen>
      <View className="card" id="person-card">
        <View className="grid-item__head">
          <Heading className="grid-title" id="person-name">
            {p.name}
          </Heading>
          {p.visitDue ? <DueBadge status={p.visitDue.status} overdueDays={p.visitDue.overdueDays} /> : null}
        </View>
        <Text className="grid-sub">
          {genderLabels[p.gender]}
          {p.age !== null ? ` · ${p.age}岁` : ''} · {hukouTypeLabels[p.hukouType]}
        </Text>
        <TagList tags={p.tagDetails} />
      </View>
      <View className="section">
        <ListGroup label="基本信息">
          <ListRow title="身份证号" value={<Text id="person-id-number">{p.idNumber ?? '未登记'}</Text>} />
          <ListRow title="联系电话" value={<Text id="person-phone">{p.phone ?? '未登记'}</Text>} />
          <ListRow title="现住址" value={p.address ?? '未登记'} />
          {p.household ? (
            <ListRow
              title="所在户"
              value={`${p.household.headName ?? '未登记户主'}户（${householdTypeLabels[p.household.type]}）${p.relationToHead ? ` · ${headRelationLabels[p.relationToHead]}` : ''}`}
              onClick={() => void Taro.navigateTo({ url: `${routes.gridHousehold}?id=${p.household?.id ?? ''}` })}
            />
          ) : null}
          {p.floating ? (
            <ListRow
              title="流动登记"
              value={`${p.floating.origin ?? '来源地未登记'} · ${p.floating.arrivalDate ?? '—'} 来住 · 居住证${permitStatusLabels[p.floating.permitStatus]}`}
            />
          ) : null}
          {p.visitDue ? <ListRow title="下次走访" value={`${formatDate(p.visitDue.dueAt)} 前`} /> : null}
        </ListGroup>
      </View>
      <View className="grid-actions">
        <Button
          id="person-record-visit"
          type="primary"
          block
          keyAction
          onClick={() =>
            void Taro.navigateTo({ url: `${routes.gridVisitNew}?personId=${p.id}&name=${encodeURIComponent(p.name)}` })
          }
        >
          记录走访
        </Button>
      </View>
      <View className="section">
        <Heading>走访记录</Heading>
        {p.visits.length === 0 ? (
          <EmptyState title="还没有走访记录" />
        ) : (
          <View className="list-group" id="person-visits">
            {p.visits.map((v) => (
              <View key={v.id} className="grid-item">
                <View className="grid-item__head">
                  <Heading level={3} className="grid-item__title">
                    {formatDateTime(v.visitedAt)}
                  </Heading>
                  <Text className="grid-item__meta">走访人：{v.visitorName}</Text>
                </View>
                <Text className="grid-item__meta">{v.note}</Text>
                {v.photos.length > 0 ? (
                  <View className="section">
                    <PhotoGrid photos={v.photos} label="走访照片" />
                  </View>
                ) : null}
              </View>
            ))}
          </View>
        )}
      </View>
    </Screen>
  );
}
