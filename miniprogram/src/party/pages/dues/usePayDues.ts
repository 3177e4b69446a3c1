import { useCallback, useRef, useState } from 'react';
import { openPaymentSheet } from '../../../services/payment';
import { routes } from '../../../utils/routes';
import { createDuesOrder, fetchDuesOrder } from './dues-api';
import { confirmPayment, orderFailure, type PayState, type SheetOutcome } from './pay-confirm';

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Where an h5 payment page sends the member back to: this page, naming the order to confirm. */
export const duesReturnPath = (outTradeNo: string): string =>
  `${routes.partyDues}?order=${encodeURIComponent(outTradeNo)}`;

/**
 * The 缴纳党费 flow: order (the BFF sums the bills) → payment sheet → ask the BFF until it knows. Every
 * end of the sheet — paid, closed, failed — is followed by a look at the order; `onSettled` then
 * reloads the page so the bills show what the BFF recorded.
 */
export function usePayDues(onSettled: () => void) {
  const [state, setState] = useState<PayState>({ kind: 'idle' });
  const settled = useRef(onSettled);
  settled.current = onSettled;
  const running = useRef(false);

  const confirm = useCallback(async (outTradeNo: string, outcome: SheetOutcome, sheetMessage?: string) => {
    setState({ kind: 'confirming' });
    const result = await confirmPayment(outTradeNo, outcome, { fetchOrder: fetchDuesOrder, wait: sleep });
    setState(result.kind === 'failed' && sheetMessage ? { kind: 'failed', message: sheetMessage } : result);
    settled.current();
  }, []);

  const pay = useCallback(
    async (billIds: string[]) => {
      // One flow at a time: a second tap while the sheet opens must not make a second order.
      if (running.current || billIds.length === 0) return;
      running.current = true;
      try {
        setState({ kind: 'creating' });
        let order;
        try {
          order = await createDuesOrder(billIds);
        } catch (error) {
          setState(orderFailure(error));
          return;
        }
        const sheet = await openPaymentSheet(order.payment, {
          outTradeNo: order.outTradeNo,
          returnPath: duesReturnPath(order.outTradeNo),
        });
        if (sheet.kind === 'left') {
          setState({ kind: 'leaving' });
          return;
        }
        await confirm(order.outTradeNo, sheet.kind, sheet.kind === 'failed' ? sheet.message : undefined);
      } finally {
        running.current = false;
      }
    },
    [confirm],
  );

  return { state, pay, confirm };
}
