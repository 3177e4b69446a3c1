import { useRouter } from '@tarojs/taro';
import { SurveyScreen } from '../../../utils/survey-view/SurveyScreen';

/** One consultation of my village or community: answer once; 已提交，感谢参与 afterwards. */
export default function Consultation() {
  const id = useRouter().params.id?.trim();
  return <SurveyScreen kind="resident" id={id ? decodeURIComponent(id) : null} />;
}
