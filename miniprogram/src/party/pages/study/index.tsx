import { Text, View } from '@tarojs/components';
import { Role } from '@zhili/shared/client';
import { RoleGate } from '../../../components/RoleGate';
import { WithProfile } from '../../../components/WithProfile';
import { useProfile } from '../../../hooks/useProfile';
import '../../../components/Welcome.css';

/** Party study entry: only for users bound as party members. */
export default function PartyStudy() {
  const [state, reload] = useProfile();
  return (
    <View className="page">
      <WithProfile state={state} reload={reload}>
        {(profile) => (
          <RoleGate
            profile={profile}
            role={Role.PartyMember}
            title="需由党组织绑定党员身份后使用"
            explanation="党员身份由所在党支部在管理后台核实并绑定。如果你是党员，请联系所在党支部；绑定后重新进入本页即可使用。"
          >
            <View className="card welcome" id="study-welcome">
              <Text className="welcome__title">{profile.nickname} 同志，欢迎学习</Text>
              <View className="welcome__stat">
                <Text className="welcome__value" id="study-points">
                  0
                </Text>
                <Text className="welcome__label">学习积分</Text>
              </View>
              <Text className="welcome__note">党组织发布学习内容后，会在这里列出。</Text>
            </View>
          </RoleGate>
        )}
      </WithProfile>
    </View>
  );
}
