import { Text, View } from '@tarojs/components';
import { caseCategoryIcons, type MpCaseItemVO } from '@zhili/shared/client';
import { aria } from '../../components/a11y/aria';
import { Tappable } from '../../components/a11y/Tappable';
import { formatCaseTime } from '../../utils/case-view/case-format';
import { StatusChip } from '../../utils/case-view/StatusChip';
import './resident.css';

/** One of the resident's cases in a list. */
export function CaseRow({ item, onOpen }: { item: MpCaseItemVO; onOpen: () => void }) {
  return (
    <Tappable
      role="link"
      className="case-row"
      data-test="my-case"
      data-case-id={item.id}
      data-status={item.status}
      hoverClass="list-row--hover"
      onPress={onOpen}
    >
      <Text className="case-row__icon" {...aria({ hidden: true })}>
        {caseCategoryIcons[item.categoryIcon] ?? caseCategoryIcons.more}
      </Text>
      <View className="case-row__main">
        <View className="case-row__head">
          <Text className="case-row__title">{item.categoryName}</Text>
          <StatusChip status={item.status} outcome={item.outcome} />
        </View>
        <Text className="case-row__desc">{item.description}</Text>
        <Text className="case-row__meta">
          {item.no} · {formatCaseTime(item.createdAt)}
          {item.status === 'resolved' && !item.rated ? ' · 待评价' : ''}
        </Text>
      </View>
    </Tappable>
  );
}
