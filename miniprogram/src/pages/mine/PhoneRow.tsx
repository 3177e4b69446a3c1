import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { BaseEventOrig, ButtonProps } from '@tarojs/components';
import { useState } from 'react';
import { bindPhone, type MpProfile } from '../../services/api';
import { describeError } from '../../services/errors';
import { Button } from '../../ui/nutui';
import { devPhoneCode, devPhoneCodeAvailable } from './dev-phone-code';

interface PhoneRowProps {
  phoneMasked: string | null;
  onBound: (profile: MpProfile) => void;
}

const isWeapp = process.env.TARO_ENV === 'weapp';

/**
 * 手机号 row with the 绑定手机号 button. In weapp it is WeChat's phone-number button: WeChat shows
 * its own consent sheet (and, with __usePrivacyCheck__, the privacy-guide popup first when the user
 * has not agreed yet) and hands us a one-time code; the BFF exchanges it, stores the number
 * encrypted and answers it masked. The number itself never reaches the mini-program.
 */
export function PhoneRow({ phoneMasked, onBound }: PhoneRowProps) {
  const [busy, setBusy] = useState(false);

  const submit = async (getCode: () => Promise<string>) => {
    if (busy) return;
    setBusy(true);
    try {
      const profile = await bindPhone(await getCode());
      void Taro.showToast({ title: '手机号已绑定', icon: 'success' });
      onBound(profile);
    } catch (error) {
      void Taro.showToast({ title: describeError(error), icon: 'none', duration: 2500 });
    } finally {
      setBusy(false);
    }
  };

  const onGetPhoneNumber = (event: BaseEventOrig<ButtonProps.onGetPhoneNumberEventDetail>) => {
    const { code, errMsg } = event.detail;
    if (code) {
      void submit(() => Promise.resolve(code));
      return;
    }
    // The user said no: nothing to report. Anything else (e.g. an unverified app) is worth a word.
    if (!/deny|cancel/i.test(errMsg)) void Taro.showToast({ title: '暂时无法获取手机号，请稍后再试', icon: 'none' });
  };

  const label = phoneMasked ? '更换' : '绑定手机号';
  return (
    <View className="list-row phone-row">
      <Text className="list-row__title">手机号</Text>
      <View className="list-row__value">
        <Text id="mine-phone" className={phoneMasked ? 'phone-row__number' : 'phone-row__none'}>
          {phoneMasked ?? '未绑定'}
        </Text>
        {isWeapp ? (
          <Button
            id="mine-bind-phone"
            size="mini"
            type="primary"
            fill="outline"
            openType="getPhoneNumber"
            loading={busy}
            onGetPhoneNumber={onGetPhoneNumber}
          >
            {label}
          </Button>
        ) : devPhoneCodeAvailable ? (
          <Button
            id="mine-bind-phone"
            size="mini"
            type="primary"
            fill="outline"
            loading={busy}
            onClick={() => void submit(devPhoneCode)}
          >
            {label}
          </Button>
        ) : null}
      </View>
    </View>
  );
}
