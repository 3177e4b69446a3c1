import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Tappable } from '../../../components/a11y/Tappable';
import { requestSubscriptions } from '../../../services/subscribe';

/**
 * Study reminders reach a member only after they tap 允许 in WeChat's subscribe dialog (one
 * allowance = one message), so the school's home offers it; the dialog must open inside this tap.
 */
export function ReminderOptIn({ templateId, nickname }: { templateId: string; nickname: string }) {
  const [allowed, setAllowed] = useState(false);
  const [asking, setAsking] = useState(false);
  const ask = async () => {
    setAsking(true);
    const accepted = await requestSubscriptions([templateId], { nickname });
    setAsking(false);
    setAllowed(accepted.length > 0);
    void Taro.showToast({
      title: accepted.length > 0 ? '已开启，下次提醒会通过微信通知你' : '未开启，可以随时再点一次',
      icon: 'none',
    });
  };
  return (
    <View className="study-reminder" data-test="study-reminder">
      <Text className="study-reminder__text">
        {allowed
          ? '已开启学习提醒。每次允许可收到一条提醒，收到后可再次开启。'
          : '开启学习提醒：课程快到期还没学完时，支部可以通过微信提醒你。'}
      </Text>
      {allowed ? null : (
        <Tappable
          className="study-reminder__button"
          role="button"
          label="开启学习提醒"
          data-test="study-reminder-allow"
          disabled={asking}
          onPress={() => void ask()}
        >
          <Text>{asking ? '请稍候…' : '开启提醒'}</Text>
        </Tappable>
      )}
    </View>
  );
}
