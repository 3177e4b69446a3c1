import { Text, View } from '@tarojs/components';
import { canLogin, loginInteractively } from '../services/auth';
import { Button } from '../ui/nutui';
import './StateView.css';

/** Shown where a page needs a user and nobody is signed in. */
export function SignedOut({ onLoggedIn }: { onLoggedIn: () => void }) {
  if (!canLogin()) {
    return (
      <View className="state-box" id="state-signed-out">
        <Text className="state-box__title">请在微信中打开</Text>
        <Text className="state-box__desc">网页版仅用于演示和测试，当前构建未开启测试登录。</Text>
      </View>
    );
  }
  const login = async () => {
    if (await loginInteractively()) onLoggedIn();
  };
  return (
    <View className="state-box" id="state-signed-out">
      <Text className="state-box__title">尚未登录</Text>
      <Text className="state-box__desc">登录后可查看个人信息和各项服务。</Text>
      <Button id="login-button" type="primary" size="small" onClick={() => void login()}>
        {process.env.TARO_ENV === 'weapp' ? '微信登录' : '选择测试身份登录'}
      </Button>
    </View>
  );
}
