import Taro, { useDidShow, usePullDownRefresh, useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { caseCategoryIcons, type MpCaseDetailVO } from '@zhili/shared/client';
import { useState } from 'react';
import { aria } from '../../../components/a11y/aria';
import { Heading } from '../../../components/a11y/Heading';
import { Screen } from '../../../components/a11y/Screen';
import { Tappable } from '../../../components/a11y/Tappable';
import { ErrorState, LoadingSkeleton } from '../../../components/StateView';
import { useAsync } from '../../../hooks/useAsync';
import { describeError } from '../../../services/errors';
import { openMap } from '../../../services/location';
import { Button } from '../../../ui/nutui';
import { caseRoutes } from '../../../utils/case-routes';
import { afterPhotos, formatCaseTime, outcomeText } from '../../../utils/case-view/case-format';
import { CaseTimeline } from '../../../utils/case-view/CaseTimeline';
import { PhotoGrid } from '../../../utils/case-view/PhotoGrid';
import { StatusChip } from '../../../utils/case-view/StatusChip';
import { DisputeForm } from '../../components/DisputeForm';
import { RatingForm } from '../../components/RatingForm';
import { disputeCase, fetchCase, rateCase, setFollow } from '../../services/case-api';
import '../../../utils/case-view/case-view.css';
import '../../components/resident.css';

function Header({ c }: { c: MpCaseDetailVO }) {
  const outcome = outcomeText(c.status, c.outcome);
  return (
    <View className="card" data-test="case-header" data-status={c.status}>
      <View className="case-row__head">
        <Heading className="case-row__title">
          <Text {...aria({ hidden: true })}>{caseCategoryIcons[c.categoryIcon] ?? caseCategoryIcons.more} </Text>
          {c.categoryName}
        </Heading>
        <StatusChip status={c.status} outcome={c.outcome} />
      </View>
      <Text className="case-row__meta" data-test="case-no">
        编号 {c.no} · {formatCaseTime(c.createdAt)} · 附议 {c.followerCount}
      </Text>
      {outcome ? (
        <Text
          className={`case-outcome case-outcome--${c.outcome}`}
          data-test="case-outcome"
          data-outcome={c.outcome ?? ''}
        >
          办理结果：{outcome}
        </Text>
      ) : null}
    </View>
  );
}

/** A case of the resident (filed or followed): status, photos before/after, timeline, rating, dispute. */
export default function ResidentCase() {
  const id = useRouter().params.id ?? '';
  const [state, reload] = useAsync(() => fetchCase(id));
  const [busy, setBusy] = useState<'rate' | 'dispute' | 'follow' | null>(null);
  // The last good data stays on screen while reloading (useAsync), so this never flashes.
  useDidShow(() => {
    void reload();
  });
  usePullDownRefresh(() => {
    void reload().finally(() => Taro.stopPullDownRefresh());
  });

  const c = state.data;
  if (!c) {
    if (state.status === 'error')
      return (
        <Screen>
          <ErrorState message={state.message} onRetry={() => void reload()} />
        </Screen>
      );
    return (
      <Screen>
        <LoadingSkeleton rows={6} />
      </Screen>
    );
  }

  const act = async (kind: 'rate' | 'dispute', call: () => Promise<MpCaseDetailVO>, done: string) => {
    setBusy(kind);
    try {
      await call();
      await reload();
      void Taro.showToast({ title: done, icon: 'success' });
    } catch (e) {
      void Taro.showModal({ title: '提交失败', content: describeError(e), showCancel: false });
    } finally {
      setBusy(null);
    }
  };
  const unfollow = async () => {
    setBusy('follow');
    try {
      await setFollow(c.id, false);
      // Only reporters and followers may read a case: this one is no longer ours to show.
      await Taro.showToast({ title: '已取消附议', icon: 'none' });
      setTimeout(() => void Taro.navigateBack().catch(() => Taro.reLaunch({ url: caseRoutes.myCases })), 800);
    } catch (e) {
      void Taro.showToast({ title: describeError(e), icon: 'none' });
    } finally {
      setBusy(null);
    }
  };
  const before = c.photos.filter((p) => p.phase === 'before');
  const after = afterPhotos(c);

  return (
    <Screen dataTest="case-detail">
      <Header c={c} />
      <View className="card section">
        <Heading level={3} className="case-field__label">
          问题描述
        </Heading>
        <Text className="case-timeline__line" data-test="case-description">
          {c.description}
        </Text>
        {c.location ? (
          <Tappable
            role="link"
            className="case-hint case-location"
            label={`位置：${c.address || '未填写地址'}，在地图中查看`}
            onPress={() =>
              c.location
                ? void openMap({ lng: c.location[0], lat: c.location[1] }, c.categoryName, c.address ?? '')
                : undefined
            }
          >
            位置：{c.address || '查看地图'}（地图）
          </Tappable>
        ) : c.address ? (
          <Text className="case-hint">位置：{c.address}</Text>
        ) : null}
        {before.length > 0 ? (
          <Heading level={3} className="case-field__label section">
            现场照片
          </Heading>
        ) : null}
        <PhotoGrid photos={before} dataTest="photos-before" label="现场照片" />
      </View>
      {c.resolution || after.length > 0 || c.rejectReason ? (
        <View className="card section">
          <Heading level={3} className="case-field__label">
            {c.rejectReason ? '不予受理原因' : '处理结果'}
          </Heading>
          <Text className="case-timeline__line" data-test="case-resolution">
            {c.rejectReason ?? c.resolution ?? ''}
          </Text>
          {after.length > 0 ? (
            <Heading level={3} className="case-field__label section">
              处理后照片
            </Heading>
          ) : null}
          <PhotoGrid photos={after} dataTest="photos-after" label="处理后照片" />
        </View>
      ) : null}
      {c.rating !== null ? (
        <View className="card section" data-test="case-rating">
          <Heading level={3} className="case-field__label">
            我的评价
          </Heading>
          <Text className="star star--on" {...aria({ role: 'img', label: `${c.rating} 星` })}>
            {'★'.repeat(c.rating)}
          </Text>
          {c.ratingComment ? <Text className="case-timeline__line">{c.ratingComment}</Text> : null}
        </View>
      ) : null}
      {c.canRate ? (
        <RatingForm
          busy={busy === 'rate'}
          onSubmit={(rating, comment) => void act('rate', () => rateCase(c.id, rating, comment), '感谢您的评价')}
        />
      ) : null}
      {c.canDispute ? (
        <DisputeForm
          disputeUntil={c.disputeUntil}
          busy={busy === 'dispute'}
          onSubmit={(reason, photoIds) =>
            void act('dispute', () => disputeCase(c.id, reason, photoIds), '已反馈，将重新处理')
          }
        />
      ) : null}
      {c.following ? (
        <View className="card section case-row__head">
          <Text className="case-muted">您已附议此问题</Text>
          <View data-test="case-unfollow">
            <Button size="small" fill="outline" loading={busy === 'follow'} onClick={() => void unfollow()}>
              取消附议
            </Button>
          </View>
        </View>
      ) : null}
      <View className="card section">
        <Heading level={3} className="case-field__label">
          办理进度
        </Heading>
        <CaseTimeline events={c.events} />
      </View>
    </Screen>
  );
}
