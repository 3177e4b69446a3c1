import Taro, { useDidShow, usePullDownRefresh, useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { MyDuesVO } from '@zhili/shared/client';
import { Screen } from '../../../components/a11y/Screen';
import { useAsync } from '../../../hooks/useAsync';
import { PartyState } from '../../components/PartyState';
import { PaidHistory, UnpaidBills } from './BillLists';
import { DeclarationCard } from './DeclarationCard';
import { fetchMyDues } from './dues-api';
import { totalFen } from './dues-format';
import { payBusy } from './pay-confirm';
import { PaySection } from './PaySection';
import { usePayDues } from './usePayDues';
import { PrepayCard } from './PrepayCard';
import { VoluntaryCard } from './VoluntaryCard';
import '../../components/party.css';
import './dues.css';

/** The unpaid bills' ids as one key: a new set of bills (after paying, a voluntary bill) ticks all again. */
const unpaidKey = (dues: MyDuesVO | undefined) => (dues ? dues.unpaid.map((b) => b.id).join(',') : '');

function DuesBody({ dues, reload, saved }: { dues: MyDuesVO; reload: () => void; saved: (d: MyDuesVO) => void }) {
  const { state: pay, pay: startPay, confirm } = usePayDues(reload);
  const [chosen, setChosen] = useState<Set<string>>(() => new Set(dues.unpaid.map((b) => b.id)));
  const key = unpaidKey(dues);
  useEffect(() => setChosen(new Set(dues.unpaid.map((b) => b.id))), [key]); // eslint-disable-line react-hooks/exhaustive-deps

  // Back from the h5 payment page (`?order=…`): ask the BFF what became of that order, once.
  const returnedOrder = useRouter().params.order;
  const asked = useRef(false);
  useEffect(() => {
    if (!returnedOrder || asked.current) return;
    asked.current = true;
    void confirm(decodeURIComponent(returnedOrder), 'returned');
  }, [returnedOrder, confirm]);

  // Oldest first, as the BFF sends them; the button pays what is ticked.
  const chosenIds = useMemo(() => dues.unpaid.filter((b) => chosen.has(b.id)).map((b) => b.id), [dues, chosen]);
  const toggle = (id: string) =>
    setChosen((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  return (
    <View>
      <PaySection
        dues={dues}
        chosenCount={chosenIds.length}
        chosenFen={totalFen(dues.unpaid, chosen)}
        pay={pay}
        onPay={() => void startPay(chosenIds)}
      />
      <UnpaidBills bills={dues.unpaid} chosen={chosen} onToggle={toggle} disabled={payBusy(pay)} />
      <PaidHistory bills={dues.recentPaid} />
      <DeclarationCard dues={dues} onSaved={saved} />
      {dues.thisMonth && dues.thisMonth.amountFen > 0 ? (
        <PrepayCard monthlyFen={dues.thisMonth.amountFen} onAdded={reload} />
      ) : null}
      <VoluntaryCard onAdded={reload} />
    </View>
  );
}

/**
 * 党费缴纳: this month's amount first and large with one 缴纳党费 button, how it was computed, the
 * unpaid months (ticked, oldest first), the payment's outcome as the BFF confirms it, 缴费记录, the
 * year's base and 自愿多交.
 */
export default function PartyDues() {
  const [override, setOverride] = useState<MyDuesVO | null>(null);
  const load = useCallback(() => fetchMyDues(), []);
  const [state, reloadState] = useAsync(load);
  const reload = useCallback(() => {
    setOverride(null);
    return reloadState();
  }, [reloadState]);
  useDidShow(() => void reload());
  usePullDownRefresh(() => void reload().finally(() => Taro.stopPullDownRefresh()));
  // A saved declaration answers with the whole screen: show it without another round trip.
  const shown = override && state.status !== 'loading' ? { status: 'ready' as const, data: override } : state;
  return (
    <Screen dataTest="party-dues">
      <PartyState state={shown} reload={() => void reload()} rows={6}>
        {(dues) => <DuesBody dues={dues} reload={() => void reload()} saved={setOverride} />}
      </PartyState>
    </Screen>
  );
}
