import Taro from '@tarojs/taro';
import { Input, Text, View } from '@tarojs/components';
import { limits } from '@zhili/shared/client';
import { useState } from 'react';
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
    <View className="page dev-login">
      <View className="card dev-login__notice">
        <Text className="dev-login__title">测试登录</Text>
        <Text className="dev-login__desc">
          网页版没有微信登录，这里向微信模拟器（{simulatorBase()}）申请测试身份的登录凭证。仅用于开发和自动化测试。
        </Text>
      </View>

      <View className="section card">
        <Text className="dev-login__label">昵称（可选，留空则用身份默认昵称）</Text>
        <Input
          id="dev-login-nickname"
          className="dev-login__input"
          value={nickname}
          maxlength={limits.nickname.max}
          placeholder="自定义昵称"
          onInput={(e) => setNickname(e.detail.value)}
        />
      </View>

      <View className="section">
        <Text className="section__title">选择测试身份</Text>
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
        <View className="section card dev-login__error" id="dev-login-error">
          <Text>{error}</Text>
        </View>
      ) : null}
    </View>
  );
}
