import { ScrollView, Text, View } from '@tarojs/components';
import { caseStatusLabels, type NearbyCaseVO } from '@zhili/shared/client';
import { aria } from '../../components/a11y/aria';
import { Heading } from '../../components/a11y/Heading';
import { Button } from '../../ui/nutui';
import { formatCaseTime, formatDistance } from '../../utils/case-view/case-format';
import './resident.css';

interface NearbyDialogProps {
  matches: NearbyCaseVO[];
  /** Id of the case being followed right now. */
  busyId: string | null;
  onFollow: (c: NearbyCaseVO) => void;
  onSubmitAnyway: () => void;
  onCancel: () => void;
}

/** "Someone already reported this nearby": 附议 one of them instead of filing a duplicate. */
export function NearbyDialog({ matches, busyId, onFollow, onSubmitAnyway, onCancel }: NearbyDialogProps) {
  return (
    <View className="sheet-mask" data-test="nearby-dialog" catchMove>
      <View className="sheet" {...aria({ role: 'group', label: '附近已有相同问题' })}>
        <Heading className="sheet__title">附近已有相同问题</Heading>
        <Text className="case-hint">
          以下问题已有人上报，正在处理中。附议可以让工作人员看到更多居民的关注，不必重复上报。
        </Text>
        <ScrollView scrollY className="sheet__list">
          {matches.map((m) => (
            <View key={m.id} className="nearby-item" data-test="nearby-item">
              <View className="nearby-item__head">
                <Text className="nearby-item__title">
                  {m.categoryName} · {formatDistance(m.distanceM)}
                </Text>
                <Text className="case-muted">{caseStatusLabels[m.status]}</Text>
              </View>
              <Text className="nearby-item__desc">{m.description}</Text>
              <View className="nearby-item__foot">
                <Text className="case-muted">
                  {formatCaseTime(m.createdAt)} · 附议 {m.followerCount}
                </Text>
                <View data-test="nearby-follow" data-case-id={m.id}>
                  <Button
                    size="small"
                    type="primary"
                    loading={busyId === m.id}
                    disabled={busyId !== null}
                    onClick={() => onFollow(m)}
                  >
                    {m.followed ? '已附议，查看' : '附议 +1'}
                  </Button>
                </View>
              </View>
            </View>
          ))}
        </ScrollView>
        <View className="sheet__actions">
          <View className="sheet__action" data-test="nearby-cancel">
            <Button block fill="outline" disabled={busyId !== null} onClick={onCancel}>
              返回修改
            </Button>
          </View>
          <View className="sheet__action" data-test="nearby-submit-anyway">
            <Button block type="primary" fill="outline" disabled={busyId !== null} onClick={onSubmitAnyway}>
              仍要提交
            </Button>
          </View>
        </View>
      </View>
    </View>
  );
}
