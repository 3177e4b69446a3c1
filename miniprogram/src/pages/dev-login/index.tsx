import Taro from '@tarojs/taro';
import { Input, Text, View } from '@tarojs/components';
import { limits } from '@zhili/shared/client';
import { useState } from 'react';
import { aria } from '../../components/a11y/aria';
import { fieldLabel } from '../../components/a11y/field-label';
import { FormRow } from '../../components/a11y/FormRow';
import { Heading } from '../../components/a11y/Heading';
import { Screen } from '../../components/a11y/Screen';
import { describeError } from '../../services/errors';
import { devLogin, simulatorBase, testIdentities } from '../../services/dev-login';
import { Button } from '../../ui/nutui';
import { routes } from '../../utils/routes';
import './index.css';

/**
 * h5-only page (registered only when built with TARO_APP_DEV_LOGIN=1): sign in as a test identity
 * of the WeChat simulator, since a browser has no wx.login.
 */
export default function DevLogin() {
  const [nickname, setNickname] = useState('');
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const signIn = async (identity: string, defaultNickname: string) => {
    if (busy) return;
    setBusy(identity);
    setError(null);
    try {
      await devLogin(identity, nickname.trim() || defaultNickname);
      void Taro.reLaunch({ url: routes.home });
    } catch (e) {
      setError(describeError(e));
    } finally {
      setBusy(null);
    }
  };

  return (
    <Screen className="dev-login">
      <View className="card dev-login__notice">
        <Heading className="dev-login__title">测试登录</Heading>
        <Text className="dev-login__desc">
          网页版没有微信登录，这里向微信模拟器（{simulatorBase()}）申请测试身份的登录凭证。仅用于开发和自动化测试。
        </Text>
      </View>

      <View className="section list-group">
        <FormRow label="昵称（可选）" hint="留空则用测试身份的默认昵称">
          <Input
            {...fieldLabel('昵称（可选）')}
            id="dev-login-nickname"
            className="dev-login__input"
            value={nickname}
            maxlength={limits.nickname.max}
            placeholder="自定义昵称"
            onInput={(e) => setNickname(e.detail.value)}
          />
        </FormRow>
      </View>

      <View className="section">
        <Heading>选择测试身份</Heading>
        {testIdentities.map((item) => (
          <View key={item.identity} className="dev-login__identity">
            <Button
              id={`dev-login-${item.identity}`}
              block
              type="primary"
              fill={busy === item.identity ? 'solid' : 'outline'}
              loading={busy === item.identity}
              disabled={busy !== null && busy !== item.identity}
              onClick={() => void signIn(item.identity, item.nickname)}
            >
              {item.nickname}（{item.identity}）· {item.note}
            </Button>
          </View>
        ))}
      </View>

      {error ? (
        <View className="section card dev-login__error" id="dev-login-error" {...aria({ role: 'alert' })}>
          <Text>{error}</Text>
        </View>
      ) : null}
    </Screen>
  );
}
