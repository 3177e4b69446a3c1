import { Text, View } from '@tarojs/components';
import { Screen } from '../../../components/a11y/Screen';
import { WithProfile } from '../../../components/WithProfile';
import { useProfile } from '../../../hooks/useProfile';
import { routes } from '../../../utils/routes';
import { SurveyList } from '../../../utils/survey-view/SurveyList';
import '../../../utils/survey-view/survey-view.css';

/**
 * 议事协商: the questions my village or community puts to its residents. Reached from the home
 * page's tile by anyone, so a signed-out visitor is asked to sign in first (WithProfile).
 */
export default function Consultations() {
  const [state, reload] = useProfile();
  return (
    <Screen dataTest="consultations">
      <WithProfile state={state} reload={reload}>
        {() => (
          <>
            <View className="card">
              <Text className="survey-text">村（社区）有事和大家商量，请说说您的意见。每人只能提交一次。</Text>
            </View>
            <SurveyList
              kind="resident"
              detailUrl={routes.residentConsultation}
              empty="您所在的村（社区）暂时没有议事协商。如果一直看不到，请在“我的”里绑定手机号（要和村里登记的一致）。"
            />
          </>
        )}
      </WithProfile>
    </Screen>
  );
}
