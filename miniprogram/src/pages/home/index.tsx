import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { useEffect, type ReactNode } from 'react';
import { Heading } from '../../components/a11y/Heading';
import { Screen } from '../../components/a11y/Screen';
import { Tappable } from '../../components/a11y/Tappable';
import { NavigationFailure } from '../../components/NavigationFailure';
import { ErrorState, LoadingSkeleton } from '../../components/StateView';
import { SignedOut } from '../../components/SignedOut';
import { useAsync } from '../../hooks/useAsync';
import { useDisplay } from '../../hooks/useDisplay';
import { fetchMe, type MpProfile } from '../../services/api';
import { ensureSession } from '../../services/auth';
import { startCaseOutboxSync } from '../../services/case-outbox-sync';
import { display } from '../../utils/a11y/display';
import { caseRoutes } from '../../utils/case-routes';
import { openPage } from '../../utils/navigate';
import { roleNames } from '../../utils/roles';
import { ElderHome } from './ElderHome';
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

/** 随手拍 and 我的上报, the two things residents come for, above the services of their roles. */
function StandardHome({ profile }: { profile: MpProfile | null }) {
  return (
    <>
      <View className="section card report-entry">
        <Tappable
          className="report-entry__main"
          id="home-report"
          data-test="home-report"
          role="link"
          hoverClass="report-entry--hover"
          onPress={() => openPage(caseRoutes.report)}
        >
          <Text className="report-entry__title">随手拍</Text>
          <Text className="report-entry__desc">发现道路破损、垃圾堆放等问题，拍照上报</Text>
        </Tappable>
        <Tappable
          className="report-entry__link"
          id="home-my-cases"
          data-test="home-my-cases"
          role="link"
          hoverClass="report-entry--hover"
          onPress={() => openPage(caseRoutes.myCases)}
        >
          我的上报 ›
        </Tappable>
      </View>
      <View className="section">
        <Heading>便民服务</Heading>
        <ServiceTiles roles={profile?.roles ?? []} />
      </View>
    </>
  );
}

/**
 * Residents land on their services: 随手拍, 我的上报 and the tiles of their roles; in 长辈模式 only
 * 报问题, 我的上报 and 通知. Server health is staff business (the admin's 系统状态 page), never here.
 */
export default function Home() {
  const [profile, reload] = useAsync(loadProfile);
  const { elder } = useDisplay();
  const userId = profile.data?.id;
  // The user's own 长辈模式 applies as soon as we know who they are.
  useEffect(() => {
    if (userId) display.setUser(userId);
  }, [userId]);

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
    <Screen className="home">
      {top}
      {elder ? <ElderHome profile={profile.data ?? null} /> : <StandardHome profile={profile.data ?? null} />}
      <NavigationFailure />
    </Screen>
  );
}
