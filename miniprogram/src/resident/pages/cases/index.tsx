import { Text, View } from '@tarojs/components';
import { EmptyState } from '../../../components/StateView';
import { UserCard } from '../../../components/UserCard';
import { WithProfile } from '../../../components/WithProfile';
import { useProfile } from '../../../hooks/useProfile';

/** The resident's own reports. There are none yet, and the page says so. */
export default function ResidentCases() {
  const [state, reload] = useProfile();
  return (
    <View className='page'>
      <WithProfile state={state} reload={reload}>
        {(profile) => (
          <View>
            <UserCard profile={profile} />
            <View className='section' id='cases-list'>
              <Text className='section__title'>我的上报</Text>
              <EmptyState title='暂无上报记录' description='你提交的问题上报及其办理进度会显示在这里。' />
            </View>
          </View>
        )}
      </WithProfile>
    </View>
  );
}
