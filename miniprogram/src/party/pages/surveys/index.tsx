import Taro, { useDidShow } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { useEffect } from 'react';
import { Heading } from '../../../components/a11y/Heading';
import { Screen } from '../../../components/a11y/Screen';
import { Tappable } from '../../../components/a11y/Tappable';
import { useAsync } from '../../../hooks/useAsync';
import { routes } from '../../../utils/routes';
import { fetchMyAppraisals } from '../../../utils/survey-view/survey-api';
import { SurveyList } from '../../../utils/survey-view/SurveyList';
import '../../../utils/survey-view/survey-view.css';

/** 问卷与评议: democratic appraisals I may vote in (on top, they have a deadline), then my surveys. */
export default function PartySurveys() {
  const [appraisals, reload] = useAsync(fetchMyAppraisals);
  useEffect(() => void reload(), [reload]);
  useDidShow(() => void reload());
  const open = appraisals.data ?? [];
  return (
    <Screen dataTest="party-surveys">
      {open.length > 0 ? (
        <View className="list-group" data-test="appraisal-list">
          <Heading className="section__title">民主评议</Heading>
          {open.map((a) => (
            <Tappable
              key={a.id}
              className="survey-row"
              role="link"
              label={`${a.title}，${a.done ? '已评完' : '待评议'}`}
              data-test="appraisal-row"
              hoverClass="list-row--hover"
              onPress={() => void Taro.navigateTo({ url: `${routes.partyAppraisal}?id=${encodeURIComponent(a.id)}` })}
            >
              <View className="survey-row__head">
                <Text className="survey-row__title">{a.title}</Text>
                <Text className={`survey-chip survey-chip--${a.done ? 'done' : 'open'}`}>
                  {a.done ? '已评完' : '待评议'}
                </Text>
              </View>
              <Text className="survey-muted">
                {a.orgName} · 截止 {a.closesOn}
              </Text>
            </Tappable>
          ))}
        </View>
      ) : null}
      <Heading className="section__title">问卷调查</Heading>
      <SurveyList kind="member" detailUrl={routes.partySurvey} empty="党组织发布的问卷会显示在这里。" />
    </Screen>
  );
}
