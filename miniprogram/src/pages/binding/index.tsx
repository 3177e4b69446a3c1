import Taro from '@tarojs/taro';
import { Input, Text, View } from '@tarojs/components';
import { roleLabels } from '@zhili/shared/client';
import { useState } from 'react';
import { fieldLabel } from '../../components/a11y/field-label';
import { Heading } from '../../components/a11y/Heading';
import { aria } from '../../components/a11y/aria';
import { Screen } from '../../components/a11y/Screen';
import { WithProfile } from '../../components/WithProfile';
import { useProfile } from '../../hooks/useProfile';
import { redeemBindingCode, type BindingRedeemResult } from '../../services/api';
import { describeError } from '../../services/errors';
import { Button } from '../../ui/nutui';
import { roleNames } from '../../utils/roles';
import { routes } from '../../utils/routes';
import { cleanCode, codeFromScan, codeProblem, CODE_LENGTH } from './binding-code';
import './index.css';

const isWeapp = process.env.TARO_ENV === 'weapp';

/** 身份绑定: redeem a staff-issued code to become a grid worker or party member of a region. */
export default function Binding() {
  const [state, reload] = useProfile();
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<BindingRedeemResult | null>(null);
  const problem = codeProblem(code);

  const submit = async (value = code) => {
    if (busy || codeProblem(value)) return;
    setBusy(true);
    setError(null);
    try {
      setResult(await redeemBindingCode(value));
      setCode('');
    } catch (e) {
      setError(describeError(e));
    } finally {
      setBusy(false);
    }
  };

  const scan = async () => {
    try {
      const { result: text } = await Taro.scanCode({ onlyFromCamera: false, scanType: ['qrCode'] });
      const scanned = codeFromScan(text);
      if (!scanned) {
        setError('这不是智理的身份绑定二维码');
        return;
      }
      setCode(scanned);
      await submit(scanned);
    } catch {
      // Scanning cancelled: nothing to say.
    }
  };

  return (
    <Screen className="binding">
      <WithProfile state={state} reload={reload}>
        {(profile) =>
          result ? (
            <View className="card binding__result" id="binding-result">
              <View className="binding__mark" {...aria({ hidden: true })}>
                ✓
              </View>
              <Heading className="binding__result-title">绑定成功</Heading>
              <Text className="binding__result-desc">
                你已成为{result.region ? `「${result.region.name}」的` : ''}
                {roleLabels[result.role]}，相关服务已开通。
              </Text>
              <Text className="binding__result-roles">当前身份：{roleNames(result.profile.roles).join('、')}</Text>
              <Button id="binding-done" type="primary" block onClick={() => void Taro.switchTab({ url: routes.mine })}>
                返回我的
              </Button>
            </View>
          ) : (
            <View>
              <View className="card">
                <Heading className="binding__title">输入绑定码</Heading>
                <Text className="binding__desc">
                  网格员、党员请向村（社区）工作人员领取 {CODE_LENGTH} 位绑定码，72 小时内有效，只能使用一次。当前身份：
                  {roleNames(profile.roles).join('、')}。
                </Text>
                <Input
                  {...fieldLabel('绑定码')}
                  id="binding-code-input"
                  className="binding__input"
                  value={code}
                  maxlength={CODE_LENGTH + 4}
                  placeholder="例如 K7M2Q9XA"
                  confirmType="done"
                  onInput={(e) => {
                    setCode(cleanCode(e.detail.value));
                    setError(null);
                  }}
                  onConfirm={() => void submit()}
                />
                <Text className="binding__hint" {...aria({ live: 'polite' })}>
                  {code && problem ? problem : '不区分大小写；不含数字 0、1 和字母 O、I'}
                </Text>
                <Button
                  id="binding-submit"
                  type="primary"
                  block
                  keyAction
                  loading={busy}
                  disabled={Boolean(problem)}
                  onClick={() => void submit()}
                >
                  确认绑定
                </Button>
                {isWeapp ? (
                  <View className="binding__scan">
                    <Button id="binding-scan" block fill="outline" type="primary" onClick={() => void scan()}>
                      扫描二维码
                    </Button>
                  </View>
                ) : null}
              </View>
              {error ? (
                <View className="section card binding__error" id="binding-error" {...aria({ role: 'alert' })}>
                  <Text>{error}</Text>
                </View>
              ) : null}
            </View>
          )
        }
      </WithProfile>
    </Screen>
  );
}
