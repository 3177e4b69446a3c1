import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { useEffect } from 'react';
import { Heading } from '../../components/a11y/Heading';
import { Tappable } from '../../components/a11y/Tappable';
import { useAsync } from '../../hooks/useAsync';
import type { MpProfile } from '../../services/api';
import { fetchMyCases } from '../../resident/services/case-api';
import { caseDetailUrl, caseRoutes } from '../../utils/case-routes';
import { openPage } from '../../utils/navigate';
import { progressNotices } from './notices';

async function loadNotices() {
  const page = await fetchMyCases({ scope: 'mine', page: 1 });
  return progressNotices(page.data);
}

/** 通知: what happened to the resident's reports lately, each a link to the report. */
function Notices() {
  const [notices, reload] = useAsync(loadNotices);
  useEffect(() => {
    void reload();
  }, [reload]);
  const items = notices.data ?? [];
  return (
    <View className="section card elder-notices" id="elder-notices">
      <Heading className="elder-notices__title">通知</Heading>
      {notices.status === 'error' && items.length === 0 ? (
        <Text className="elder-notices__empty">通知暂时无法加载，请稍后再看。</Text>
      ) : items.length === 0 ? (
        <Text className="elder-notices__empty">{notices.status === 'loading' ? '正在加载…' : '暂无新通知'}</Text>
      ) : (
        items.map((notice) => (
          <Tappable
            key={notice.caseId}
            role="link"
            className={`elder-notice ${notice.needsAction ? 'elder-notice--action' : ''}`}
            data-test="elder-notice"
            onPress={() => void Taro.navigateTo({ url: caseDetailUrl(notice.caseId) })}
          >
            <Text className="elder-notice__text">{notice.text}</Text>
            <Text className="elder-notice__more">{notice.needsAction ? '去评价 ›' : '查看 ›'}</Text>
          </Tappable>
        ))
      )}
    </View>
  );
}

/**
 * The home in 长辈模式 (MIIT elderly mode): only the resident's main tasks, as big buttons —
 * 报问题, 我的上报 and 通知. Other services stay under 我的.
 */
export function ElderHome({ profile }: { profile: MpProfile | null }) {
  return (
    <View id="elder-home">
      <View className="elder-actions">
        <Tappable
          id="home-report"
          data-test="home-report"
          role="link"
          className="elder-action elder-action--report"
          hoverClass="elder-action--hover"
          onPress={() => openPage(caseRoutes.report)}
        >
          <Text className="elder-action__title">报问题</Text>
          <Text className="elder-action__desc">拍照上报身边的问题</Text>
        </Tappable>
        <Tappable
          id="home-my-cases"
          data-test="home-my-cases"
          role="link"
          className="elder-action elder-action--cases"
          hoverClass="elder-action--hover"
          onPress={() => openPage(caseRoutes.myCases)}
        >
          <Text className="elder-action__title">我的上报</Text>
          <Text className="elder-action__desc">看看办得怎么样了</Text>
        </Tappable>
      </View>
      {profile ? <Notices /> : null}
    </View>
  );
}
