import { Text, View } from '@tarojs/components';
import { Role } from '@zhili/shared';
import { RoleGate } from '../../../components/RoleGate';
import { WithProfile } from '../../../components/WithProfile';
import { useProfile } from '../../../hooks/useProfile';
import '../../../components/Welcome.css';

/** Grid worker desk: only for users bound as grid workers. */
export default function GridTasks() {
  const [state, reload] = useProfile();
  return (
    <View className='page'>
      <WithProfile state={state} reload={reload}>
        {(profile) => (
          <RoleGate
            profile={profile}
            role={Role.GridWorker}
            title='需由社区（村）绑定网格员身份后使用'
            explanation='网格员身份由所在社区或村在管理后台核实并绑定。如果你是网格员，请联系所在社区（村）；绑定后重新进入本页即可使用。'
          >
            <View className='card welcome' id='tasks-welcome'>
              <Text className='welcome__title'>{profile.nickname}，欢迎使用网格工作台</Text>
              <View className='welcome__stat'>
                <Text className='welcome__value' id='tasks-count'>
                  0
                </Text>
                <Text className='welcome__label'>待办任务</Text>
              </View>
              <Text className='welcome__note'>派发给你的任务会显示在这里。</Text>
            </View>
          </RoleGate>
        )}
      </WithProfile>
    </View>
  );
}
