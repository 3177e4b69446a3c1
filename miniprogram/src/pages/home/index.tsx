import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import { NavigationFailure } from '../../components/NavigationFailure';
import { ErrorState, LoadingSkeleton } from '../../components/StateView';
import { SignedOut } from '../../components/SignedOut';
import { useAsync } from '../../hooks/useAsync';
import { fetchMe, type MpProfile } from '../../services/api';
import { ensureSession } from '../../services/auth';
import { startCaseOutboxSync } from '../../services/case-outbox-sync';
import { caseRoutes } from '../../utils/case-routes';
import { openPage } from '../../utils/navigate';
import { roleNames } from '../../utils/roles';
import { ServiceTiles } from './ServiceTiles';
import './index.css';

async function loadProfile(): Promise<MpProfile | null> {
  if (!(await ensureSession())) return null;
  return fetchMe();
}

function Greeting({ profile }: { profile: MpProfile }) {
  return (
    <View className="card greeting">
      <Text className="greeting__hello">你好，</Text>
      <Text className="greeting__name" id="home-nickname">
        {profile.nickname}
      </Text>
      <Text className="greeting__roles">{roleNames(profile.roles).join(' · ')}</Text>
    </View>
  );
}

/**
 * Residents land on their services: 随手拍, 我的上报 and the tiles of their roles. Server health is
 * staff business (the admin's 系统状态 page), never shown here.
 */
export default function Home() {
  const [profile, reload] = useAsync(loadProfile);

  useDidShow(() => {
    void reload();
    // Offline case reports go out when the app is open again (and whenever the network returns).
    startCaseOutboxSync();
  });
  usePullDownRefresh(() => {
    void reload().finally(() => Taro.stopPullDownRefresh());
  });

  const firstLoad = profile.status === 'loading' && profile.data === undefined;

  let top: ReactNode;
  if (firstLoad) {
    top = <LoadingSkeleton rows={2} />;
  } else if (profile.data) {
    top = <Greeting profile={profile.data} />;
  } else if (profile.status === 'error') {
    top = <ErrorState title="个人信息加载失败" message={profile.message} onRetry={() => void reload()} />;
  } else {
    top = <SignedOut onLoggedIn={() => void reload()} />;
  }

  return (
    <View className="page home">
      {top}
      <View className="section card report-entry">
        <View
          className="report-entry__main"
          id="home-report"
          data-test="home-report"
          onClick={() => openPage(caseRoutes.report)}
        >
          <Text className="report-entry__title">随手拍</Text>
          <Text className="report-entry__desc">发现道路破损、垃圾堆放等问题，拍照上报</Text>
        </View>
        <Text
          className="report-entry__link"
          id="home-my-cases"
          data-test="home-my-cases"
          onClick={() => openPage(caseRoutes.myCases)}
        >
          我的上报 ›
        </Text>
      </View>
      <View className="section">
        <Text className="section__title">便民服务</Text>
        <ServiceTiles roles={profile.data?.roles ?? []} />
      </View>
      <NavigationFailure />
    </View>
  );
}
