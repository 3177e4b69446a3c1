import { useRouter } from '@tarojs/taro';
import { RichText, Text, View } from '@tarojs/components';
import { useCallback, useEffect } from 'react';
import { Heading } from '../../../components/a11y/Heading';
import { Screen } from '../../../components/a11y/Screen';
import { EmptyState } from '../../../components/StateView';
import { useAsync } from '../../../hooks/useAsync';
import { PartyState } from '../../components/PartyState';
import { openNotice } from '../../services/party-api';
import { formatPartyTime, pageIdFrom } from '../../services/party-format';
import '../../components/party.css';

/** One notice; opening it records the read receipt. The body is HTML the server has sanitised. */
export default function PartyNotice() {
  const id = pageIdFrom(useRouter().params);
  const load = useCallback(() => openNotice(id ?? ''), [id]);
  const [state, reload] = useAsync(load);
  useEffect(() => {
    if (id) void reload();
  }, [id, reload]);

  if (!id) {
    return (
      <Screen>
        <EmptyState title="未指定通知" description="请从党务公开列表打开通知。" />
      </Screen>
    );
  }
  return (
    <Screen dataTest="party-notice">
      <PartyState state={state} reload={() => void reload()}>
        {(notice) => (
          <View className="card party-card" id="party-notice">
            {notice.pinned ? <Text className="party-chip party-chip--pinned">置顶</Text> : null}
            <Heading className="party-card__title">{notice.title}</Heading>
            <Text className="party-text party-text--muted">
              {notice.orgName} · {formatPartyTime(notice.publishedAt)}
            </Text>
            <RichText className="party-notice__body" id="party-notice-body" nodes={notice.body} />
          </View>
        )}
      </PartyState>
    </Screen>
  );
}
