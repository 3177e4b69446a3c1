import { Text, View } from '@tarojs/components';
import type { DuesBillVO } from '@zhili/shared/client';
import { aria } from '../../../components/a11y/aria';
import { Heading } from '../../../components/a11y/Heading';
import { Tappable } from '../../../components/a11y/Tappable';
import { EmptyState } from '../../../components/StateView';
import { billTitle, paidHow, yuan } from './dues-format';

interface UnpaidBillsProps {
  bills: DuesBillVO[];
  chosen: ReadonlySet<string>;
  onToggle: (id: string) => void;
  disabled: boolean;
}

/** Unpaid bills, oldest first, each ticked to start with: one payment settles them all. */
export function UnpaidBills({ bills, chosen, onToggle, disabled }: UnpaidBillsProps) {
  if (bills.length === 0) return null;
  return (
    <View className="section" id="dues-unpaid">
      <Heading className="dues-section-title">待缴账单</Heading>
      <View className="list-group">
        {bills.map((bill) => {
          const on = chosen.has(bill.id);
          return (
            <Tappable
              key={bill.id}
              role="switch"
              checked={on}
              disabled={disabled}
              className="dues-bill"
              data-test="dues-unpaid-bill"
              label={`${billTitle(bill)}，${yuan(bill.amountFen)}，${on ? '已选' : '未选'}`}
              onPress={() => onToggle(bill.id)}
            >
              <Text className={`dues-bill__check ${on ? 'dues-bill__check--on' : ''}`} {...aria({ hidden: true })}>
                {on ? '✓' : ''}
              </Text>
              <View className="dues-bill__main">
                <Text className="dues-bill__title">{billTitle(bill)}</Text>
                <Text className="dues-bill__meta">缴纳期限 {bill.dueOn}</Text>
              </View>
              <Text className="dues-bill__amount">{yuan(bill.amountFen)}</Text>
            </Tappable>
          );
        })}
      </View>
    </View>
  );
}

/** 缴费记录: what was paid, and how (微信支付 / 现金 / 代缴) and when. */
export function PaidHistory({ bills }: { bills: DuesBillVO[] }) {
  return (
    <View className="section" id="dues-history">
      <Heading className="dues-section-title">缴费记录</Heading>
      {bills.length === 0 ? (
        <EmptyState title="还没有缴费记录" description="缴纳后，每个月的党费和缴纳方式都会记在这里。" />
      ) : (
        <View className="list-group">
          {bills.map((bill) => (
            <View key={bill.id} className="dues-bill" data-test="dues-paid-bill" data-month={bill.month}>
              <View className="dues-bill__main">
                <Text className="dues-bill__title">{billTitle(bill)}</Text>
                <Text className="dues-bill__meta">
                  {bill.status === 'paid' ? paidHow(bill) : bill.status === 'refunded' ? '已退款' : '已减免'}
                  {bill.paidOnTime === false ? ' · 逾期缴纳' : ''}
                </Text>
              </View>
              <Text className="dues-bill__amount">{yuan(bill.amountFen)}</Text>
            </View>
          ))}
        </View>
      )}
    </View>
  );
}
