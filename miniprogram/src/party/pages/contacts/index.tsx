import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { Input, Text, View } from '@tarojs/components';
import { useEffect, useMemo, useState } from 'react';
import type { PartyContactVO } from '@zhili/shared/client';
import { aria } from '../../../components/a11y/aria';
import { fieldLabel } from '../../../components/a11y/field-label';
import { Screen } from '../../../components/a11y/Screen';
import { Tappable } from '../../../components/a11y/Tappable';
import { EmptyState, ErrorState, LoadingSkeleton } from '../../../components/StateView';
import { usePagedList } from '../../../hooks/usePagedList';
import { fetchBranchContacts } from '../../services/party-api';
import { filterContacts } from '../../services/party-records-format';
import '../../components/party.css';
import '../../components/party-records.css';

function ContactRow({ contact }: { contact: PartyContactVO }) {
  const phone = contact.phone ?? '未登记';
  return (
    <View
      className="party-record-row"
      data-test="party-contact-row"
      {...aria({ role: 'listitem', label: `${contact.name}，${contact.position ?? '党员'}，电话 ${phone}` })}
    >
      <View className="party-contact__who">
        <Text className="party-record-row__title">{contact.name}</Text>
        {contact.position ? <Text className="party-row__meta">{contact.position}</Text> : null}
      </View>
      <Text className="party-contact__phone" data-test="party-contact-phone">
        {phone}
      </Text>
    </View>
  );
}

/** 党员通讯录: the members of my branch with their position and a masked phone; a live name filter. */
export default function PartyContacts() {
  const list = usePagedList(fetchBranchContacts);
  const { reload } = list;
  const [keyword, setKeyword] = useState('');
  useEffect(() => void reload(), [reload]);
  usePullDownRefresh(() => void reload().finally(() => Taro.stopPullDownRefresh()));
  useReachBottom(() => void list.loadMore());
  const shown = useMemo(() => filterContacts(list.items, keyword), [list.items, keyword]);
  const branchName = list.items[0]?.orgName ?? '';

  let body;
  if (list.loading && list.items.length === 0) body = <LoadingSkeleton rows={5} />;
  else if (list.error && list.items.length === 0)
    body = <ErrorState message={list.error} onRetry={() => void reload()} />;
  else if (list.items.length === 0)
    body = <EmptyState title="通讯录暂无党员" description="支部党员的档案建立后，会显示在这里。" />;
  else
    body = (
      <View>
        <View className="party-search" {...aria({ role: 'search', label: '搜索通讯录' })}>
          <Input
            {...fieldLabel('搜索通讯录：姓名或职务')}
            id="party-contacts-search"
            className="party-search__input"
            value={keyword}
            placeholder="输入姓名或职务"
            confirmType="search"
            maxlength={32}
            onInput={(e) => setKeyword(e.detail.value)}
          />
        </View>
        <Text className="party-row__meta party-contacts__count" {...aria({ live: 'polite' })}>
          {keyword.trim() ? `找到 ${shown.length} 人` : `${branchName} · 共 ${list.total} 人`}
        </Text>
        {shown.length === 0 ? (
          <EmptyState title="没有找到匹配的党员" description="请换个姓名或职务再试。" />
        ) : (
          <View className="list-group" data-test="party-contact-list" {...aria({ role: 'list' })}>
            {shown.map((c) => (
              <ContactRow key={c.memberId} contact={c} />
            ))}
          </View>
        )}
      </View>
    );

  return (
    <Screen dataTest="party-contacts">
      <Text className="party-text party-text--muted" id="party-contacts-privacy">
        为保护党员个人隐私，电话号码已隐去部分数字，仅供本支部党员之间确认身份。需要联系时，请当面沟通或请支部书记转达。
      </Text>
      {body}
      {list.items.length > 0 && list.hasMore ? (
        list.loadingMore ? (
          <View className="party-more" {...aria({ live: 'polite' })}>
            <Text>加载中…</Text>
          </View>
        ) : (
          <Tappable className="party-more" data-test="party-contacts-more" onPress={() => void list.loadMore()}>
            已显示 {list.items.length}/{list.total}，点击加载更多
          </Tappable>
        )
      ) : null}
    </Screen>
  );
}
