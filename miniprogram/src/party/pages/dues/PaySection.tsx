import { Text, View } from '@tarojs/components';
import type { MyDuesVO } from '@zhili/shared/client';
import { aria } from '../../../components/a11y/aria';
import { Heading } from '../../../components/a11y/Heading';
import { Button } from '../../../ui/nutui';
import { beijingTime, monthText, paidHow, yuan } from './dues-format';
import { payBusy, payStatusLine, UNAVAILABLE_MESSAGE, type PayState } from './pay-confirm';

interface PaySectionProps {
  dues: MyDuesVO;
  /** Bills the button pays (unpaid ones the member left ticked) and their total. */
  chosenCount: number;
  chosenFen: number;
  pay: PayState;
  onPay: () => void;
}

/** What this month costs, the one 缴纳党费 button, and the word on the payment once the BFF has it. */
export function PaySection({ dues, chosenCount, chosenFen, pay, onPay }: PaySectionProps) {
  const { thisMonth } = dues;
  const thisMonthBill = thisMonth?.billId ? dues.recentPaid.find((b) => b.id === thisMonth.billId) : undefined;
  const status = payStatusLine(pay, { yuan, time: beijingTime });
  const busy = payBusy(pay);
  const canPay = dues.paymentAvailable && pay.kind !== 'unavailable';
  return (
    <View className="card party-card dues-month" id="dues-month">
      <Text className="party-card__eyebrow">
        {dues.orgName} · {dues.name}
      </Text>
      <Text className="dues-month__label">{monthText(dues.month)} 应缴</Text>
      {thisMonth ? (
        <Text
          className="dues-month__amount"
          id="dues-amount"
          {...aria({ label: `本月应缴 ${yuan(thisMonth.amountFen)}` })}
        >
          {yuan(thisMonth.amountFen)}
        </Text>
      ) : (
        <Text className="party-text party-text--warning" id="dues-no-base">
          还没有党费基数，请先在下方申报，或联系支部登记
        </Text>
      )}
      {/* Right after a payment the status line below says 已缴 with the time; do not say it twice. */}
      {thisMonth?.status === 'paid' && pay.kind !== 'paid' ? (
        <Text className="dues-month__paid" id="dues-month-paid">
          本月已缴{thisMonthBill ? `（${paidHow(thisMonthBill)}）` : ''}
        </Text>
      ) : null}
      {thisMonth?.status === 'waived' ? (
        <Text className="dues-month__paid" id="dues-month-waived">
          本月已减免
        </Text>
      ) : null}
      {chosenCount > 0 ? (
        <>
          <Text className="dues-total" id="dues-total">
            待缴 {chosenCount} 笔，合计 {yuan(chosenFen)}
          </Text>
          {canPay ? (
            <Button
              id="dues-pay"
              keyAction
              block
              type="primary"
              loading={busy}
              disabled={busy}
              onClick={onPay}
              aria-label={`缴纳党费，合计 ${yuan(chosenFen)}`}
            >
              缴纳党费
            </Button>
          ) : null}
        </>
      ) : dues.unpaid.length > 0 ? (
        <Text className="dues-total">请在下方勾选要缴纳的账单</Text>
      ) : null}
      {!dues.paymentAvailable && dues.unpaid.length > 0 && pay.kind !== 'unavailable' ? (
        <Text className="dues-status dues-status--warning" id="dues-pay-closed">
          {UNAVAILABLE_MESSAGE}
        </Text>
      ) : null}
      <View {...aria({ live: 'polite' })}>
        {status ? (
          <Text className={`dues-status dues-status--${status.tone}`} id="dues-pay-status" data-kind={pay.kind}>
            {status.text}
          </Text>
        ) : null}
      </View>
      {thisMonth ? (
        <View className="dues-how" id="dues-how">
          <Heading level={3} className="dues-section-title">
            怎么算的
          </Heading>
          <Text className="dues-explain" id="dues-explain">
            {thisMonth.explanation}
          </Text>
        </View>
      ) : null}
    </View>
  );
}
