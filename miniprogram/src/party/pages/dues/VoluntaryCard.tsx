import { Input, Text, View } from '@tarojs/components';
import { useState } from 'react';
import { duesLimits } from '@zhili/shared/client';
import { aria } from '../../../components/a11y/aria';
import { fieldLabel } from '../../../components/a11y/field-label';
import { Heading } from '../../../components/a11y/Heading';
import { describeError } from '../../../services/errors';
import { Button } from '../../../ui/nutui';
import { addVoluntaryDues } from './dues-api';
import { fenFromYuan, yuan } from './dues-format';

/** 自愿多交: an extra bill of the member's chosen amount; it joins the unpaid list, paid like the others. */
export function VoluntaryCard({ onAdded }: { onAdded: () => void }) {
  const [text, setText] = useState('');
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState('');
  const [added, setAdded] = useState('');

  const add = async () => {
    const fen = fenFromYuan(text);
    if (fen === null || fen < duesLimits.amountMinFen) {
      setError('请填写金额，例如 100 或 50.50');
      return;
    }
    setSaving(true);
    setError('');
    try {
      const bill = await addVoluntaryDues(fen);
      setAdded(`已加入待缴账单：自愿多交 ${yuan(bill.amountFen)}`);
      setText('');
      onAdded();
    } catch (e) {
      setError(describeError(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <View className="card party-card" id="dues-voluntary">
      <Heading className="party-card__title">自愿多交</Heading>
      <Text className="party-text party-text--muted">
        党员可以自愿多交党费。填写金额后加入待缴账单，与党费一起缴纳。
      </Text>
      <Text className="form-row__label">金额（元）</Text>
      <Input
        {...fieldLabel('自愿多交金额（元）')}
        id="dues-voluntary-amount"
        className="dues-input"
        type="digit"
        maxlength={10}
        value={text}
        placeholder="例如 100"
        onInput={(e) => {
          setText(e.detail.value);
          setError('');
          setAdded('');
        }}
      />
      {error ? (
        <Text className="dues-error" {...aria({ role: 'alert' })}>
          {error}
        </Text>
      ) : null}
      <View {...aria({ live: 'polite' })}>{added ? <Text className="party-text dues-added">{added}</Text> : null}</View>
      <View className="dues-actions">
        <Button id="dues-voluntary-add" block loading={saving} disabled={saving} onClick={() => void add()}>
          加入待缴
        </Button>
      </View>
    </View>
  );
}
