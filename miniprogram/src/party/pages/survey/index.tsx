import { useRouter } from '@tarojs/taro';
import { pageIdFrom } from '../../services/party-format';
import { SurveyScreen } from '../../../utils/survey-view/SurveyScreen';

/** A member's survey: answer once; 已提交 afterwards. */
export default function PartySurvey() {
  return <SurveyScreen kind="member" id={pageIdFrom(useRouter().params)} />;
}
