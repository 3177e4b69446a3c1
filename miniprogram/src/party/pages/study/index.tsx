import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Role } from '@zhili/shared/client';
import { Heading } from '../../../components/a11y/Heading';
import { Screen } from '../../../components/a11y/Screen';
import { RoleGate } from '../../../components/RoleGate';
import { WithProfile } from '../../../components/WithProfile';
import { useProfile } from '../../../hooks/useProfile';
import { Button } from '../../../ui/nutui';
import { routes } from '../../../utils/routes';
import './study.css';

/**
 * Party study, for users bound as party members. The study content is not built yet, so the page
 * says so plainly — what will be here and what to do meanwhile — instead of showing an empty score.
 */
export default function PartyStudy() {
  const [state, reload] = useProfile();
  return (
    <Screen>
      <WithProfile state={state} reload={reload}>
        {(profile) => (
          <RoleGate
            profile={profile}
            role={Role.PartyMember}
            title="需由党组织绑定党员身份后使用"
            explanation="党员身份由所在党支部在管理后台核实并绑定。如果你是党员，请联系所在党支部；绑定后重新进入本页即可使用。"
          >
            <View className="card study" id="study-coming-soon">
              <Heading className="study__title">{profile.nickname} 同志，您好</Heading>
              <Text className="study__badge" id="study-status">
                即将开放
              </Text>
              <Text className="study__text">
                党员学习正在建设中。开放后，党支部发布的学习资料、您的学习记录和学习积分都会在这里显示。
              </Text>
              <Text className="study__text">在此之前，学习安排请留意所在党支部的通知。</Text>
              <View className="study__actions">
                <Button id="study-home" block type="primary" onClick={() => void Taro.switchTab({ url: routes.home })}>
                  返回首页
                </Button>
              </View>
            </View>
          </RoleGate>
        )}
      </WithProfile>
    </Screen>
  );
}
