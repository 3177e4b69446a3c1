import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { aria } from '../../../components/a11y/aria';
import { Heading } from '../../../components/a11y/Heading';
import { Tappable } from '../../../components/a11y/Tappable';
import { describeError } from '../../../services/errors';
import { Button } from '../../../ui/nutui';
import { prepayDues } from './dues-api';
import { monthText, yuan } from './dues-format';

const CHOICES = [3, 6, 12] as const;

/**
 * 预缴: the member pays coming months ahead. The BFF makes those months' bills (never a second one
 * for a month) and they join the unpaid list, ticked, to be paid with one payment like the others.
 */
export function PrepayCard({ monthlyFen, onAdded }: { monthlyFen: number; onAdded: () => void }) {
  const [months, setMonths] = useState<number>(6);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState('');
  const [added, setAdded] = useState('');

  const add = async () => {
    setSaving(true);
    setError('');
    setAdded('');
    try {
      const result = await prepayDues(months);
      const first = result.bills[0];
      const last = result.bills[result.bills.length - 1];
      setAdded(
        first && last
          ? `已加入待缴账单：${monthText(first.month)}至${monthText(last.month)}，共 ${yuan(result.totalFen)}`
          : '这些月份的账单已在待缴或已缴清',
      );
      onAdded();
    } catch (e) {
      setError(describeError(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <View className="card party-card" id="dues-prepay">
      <Heading className="party-card__title">预缴党费</Heading>
      <Text className="party-text party-text--muted">
        外出务工或不便按月缴纳的，可以一次预缴今后几个月，按每月 {yuan(monthlyFen)} 计算。
      </Text>
      <View className="dues-choices" {...aria({ role: 'radiogroup', label: '预缴月数' })}>
        {CHOICES.map((n) => (
          <Tappable
            key={n}
            className={`dues-choice${months === n ? ' dues-choice--on' : ''}`}
            role="radio"
            label={`${n} 个月，${yuan(monthlyFen * n)}`}
            selected={months === n}
            data-test={`dues-prepay-${n}`}
            onPress={() => setMonths(n)}
          >
            <Text>{n} 个月</Text>
          </Tappable>
        ))}
      </View>
      <Text className="party-text">合计 {yuan(monthlyFen * months)}</Text>
      {error ? (
        <Text className="dues-error" {...aria({ role: 'alert' })}>
          {error}
        </Text>
      ) : null}
      <View {...aria({ live: 'polite' })}>{added ? <Text className="party-text dues-added">{added}</Text> : null}</View>
      <View className="dues-actions">
        <Button id="dues-prepay-add" block loading={saving} disabled={saving} onClick={() => void add()}>
          加入待缴
        </Button>
      </View>
    </View>
  );
}
