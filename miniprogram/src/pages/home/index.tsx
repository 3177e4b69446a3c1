import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { useCallback, type ReactNode } from 'react';
import { ErrorState, LoadingSkeleton } from '../../components/StateView';
import { SignedOut } from '../../components/SignedOut';
import { useAsync } from '../../hooks/useAsync';
import { fetchHealth, fetchMe, type MpProfile } from '../../services/api';
import { ensureSession } from '../../services/auth';
import { startCaseOutboxSync } from '../../services/case-outbox-sync';
import { caseRoutes } from '../../utils/case-routes';
import { roleNames } from '../../utils/roles';
import { HealthCard } from './HealthCard';
import { ServiceTiles } from './ServiceTiles';
import './index.css';

async function loadProfile(): Promise<MpProfile | null> {
  if (!(await ensureSession())) return null;
  return fetchMe();
}

function Greeting({ profile }: { profile: MpProfile }) {
  return (
    <View className='card greeting'>
      <Text className='greeting__hello'>你好，</Text>
      <Text className='greeting__name' id='home-nickname'>
        {profile.nickname}
      </Text>
      <Text className='greeting__roles'>{roleNames(profile.roles).join(' · ')}</Text>
    </View>
  );
}

export default function Home() {
  const [profile, reloadProfile] = useAsync(loadProfile);
  const [health, reloadHealth] = useAsync(fetchHealth);

  const reload = useCallback(() => Promise.all([reloadProfile(), reloadHealth()]), [reloadProfile, reloadHealth]);

  useDidShow(() => {
    void reload();
    // Offline case reports go out when the app is open again (and whenever the network returns).
    startCaseOutboxSync();
  });
  usePullDownRefresh(() => {
    void reload().finally(() => Taro.stopPullDownRefresh());
  });

  const firstLoad = profile.status === 'loading' && profile.data === undefined;
  // The BFF did not answer and we have nothing to show: one page-level error, not broken cards.
  const unreachable = health.status === 'error' && !health.data && !profile.data && profile.status !== 'loading';

  let top: ReactNode;
  if (firstLoad) {
    top = <LoadingSkeleton rows={2} />;
  } else if (unreachable) {
    const message = profile.status === 'error' ? profile.message : health.message;
    top = <ErrorState title='无法连接服务' message={message} onRetry={() => void reload()} />;
  } else if (profile.data) {
    top = <Greeting profile={profile.data} />;
  } else if (profile.status === 'error') {
    top = <ErrorState title='个人信息加载失败' message={profile.message} onRetry={() => void reload()} />;
  } else {
    top = <SignedOut onLoggedIn={() => void reload()} />;
  }

  return (
    <View className='page home'>
      {top}
      {unreachable ? null : (
        <View className='section'>
          <HealthCard state={health} />
        </View>
      )}
      <View className='section card report-entry'>
        <View className='report-entry__main' id='home-report' data-test='home-report' onClick={() => void Taro.navigateTo({ url: caseRoutes.report })}>
          <Text className='report-entry__title'>随手拍</Text>
          <Text className='report-entry__desc'>发现道路破损、垃圾堆放等问题，拍照上报</Text>
        </View>
        <Text className='report-entry__link' id='home-my-cases' data-test='home-my-cases' onClick={() => void Taro.navigateTo({ url: caseRoutes.myCases })}>
          我的上报 ›
        </Text>
      </View>
      <View className='section'>
        <Text className='section__title'>便民服务</Text>
        <ServiceTiles />
      </View>
    </View>
  );
}
