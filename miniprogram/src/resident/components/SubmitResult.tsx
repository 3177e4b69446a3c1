import { Text, View } from '@tarojs/components';
import type { MpCaseDetailVO } from '@zhili/shared';
import { aria } from '../../components/a11y/aria';
import { Heading } from '../../components/a11y/Heading';
import { Button } from '../../ui/nutui';
import { StatusChip } from '../../utils/case-view/StatusChip';
import './resident.css';

interface SubmittedProps {
  record: MpCaseDetailVO;
  /** Subscribe templates could be loaded: offer the notifications. */
  canSubscribe: boolean;
  busy: boolean;
  onSubscribe: () => void;
  onSkip: () => void;
}

/** After a confirmed submit: the case number, then the natural moment to ask for notifications. */
export function Submitted({ record, canSubscribe, busy, onSubscribe, onSkip }: SubmittedProps) {
  return (
    <View className="card result" data-test="report-done">
      <Text className="result__mark result__mark--ok" {...aria({ hidden: true })}>
        ✓
      </Text>
      <Heading className="result__title">上报成功</Heading>
      <View className="result__row">
        <Text className="case-muted" data-test="report-case-no">
          编号 {record.no}
        </Text>
        <StatusChip status={record.status} />
      </View>
      {record.status === 'pending_review' ? (
        <Text className="case-hint">内容正在审核，通过后将转交工作人员处理。</Text>
      ) : null}
      {canSubscribe ? (
        <>
          <Text className="case-hint">受理、派单和办结时，我们可以通过微信服务通知告诉您。</Text>
          <View className="case-actions" data-test="subscribe-accept">
            <Button block type="primary" loading={busy} disabled={busy} onClick={onSubscribe}>
              接收办理进度通知
            </Button>
          </View>
          <View className="case-actions__gap" />
          <View data-test="subscribe-skip">
            <Button block fill="outline" disabled={busy} onClick={onSkip}>
              暂不需要，查看上报
            </Button>
          </View>
        </>
      ) : (
        <View className="case-actions" data-test="subscribe-skip">
          <Button block type="primary" onClick={onSkip}>
            查看上报
          </Button>
        </View>
      )}
    </View>
  );
}

/** No network: the report waits in the outbox and goes out by itself. */
export function Queued({ onMyCases, onNew }: { onMyCases: () => void; onNew: () => void }) {
  return (
    <View className="card result" data-test="report-queued">
      <Text className="result__mark result__mark--wait" {...aria({ hidden: true })}>
        …
      </Text>
      <Heading className="result__title">网络恢复后自动提交</Heading>
      <Text className="case-hint">
        当前网络不可用，您的上报已保存在手机上。网络恢复或再次打开小程序时会自动提交，不会重复。
      </Text>
      <View className="case-actions" data-test="queued-my-cases">
        <Button block type="primary" onClick={onMyCases}>
          查看我的上报
        </Button>
      </View>
      <View className="case-actions__gap" />
      <Button block fill="outline" onClick={onNew}>
        再报一个问题
      </Button>
    </View>
  );
}
