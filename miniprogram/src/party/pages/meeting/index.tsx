import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { Text, Textarea, View } from '@tarojs/components';
import { useCallback, useEffect, useState } from 'react';
import { meetingTypeLabels, type MyMeetingDetailVO } from '@zhili/shared/client';
import { aria } from '../../../components/a11y/aria';
import { Heading } from '../../../components/a11y/Heading';
import { Screen } from '../../../components/a11y/Screen';
import { ListGroup, ListRow } from '../../../components/ListRows';
import { EmptyState } from '../../../components/StateView';
import { useAsync } from '../../../hooks/useAsync';
import { describeError } from '../../../services/errors';
import { currentLocation } from '../../../services/location';
import { classifyWxFailure } from '../../../services/wx-errors';
import { withConsent } from '../../../services/wx-permissions';
import { Button } from '../../../ui/nutui';
import { PartyState } from '../../components/PartyState';
import { checkInByLocation, checkInByQr, fetchMyMeeting, requestLeave } from '../../services/party-api';
import {
  attendanceText,
  formatMeetingSpan,
  formatPartyTime,
  pageIdFrom,
  phaseLabels,
} from '../../services/party-format';
import '../../components/party.css';

const LEAVE_REASON_MAX = 200;

type Outcome = { kind: 'ok' | 'error'; text: string } | null;

function Actions({ meeting, onChanged }: { meeting: MyMeetingDetailVO; onChanged: () => void }) {
  const [busy, setBusy] = useState<'qr' | 'location' | 'leave' | null>(null);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [leaveOpen, setLeaveOpen] = useState(false);
  const [reason, setReason] = useState('');

  const run = async (kind: 'qr' | 'location' | 'leave', act: () => Promise<string | null>) => {
    setBusy(kind);
    setOutcome(null);
    try {
      const done = await act();
      if (done) {
        setOutcome({ kind: 'ok', text: done });
        onChanged();
      }
    } catch (e) {
      // The BFF's refusals (409: 签到尚未开始, 距会议地点约 … 米, 二维码已过期…) are said as they are.
      setOutcome({ kind: 'error', text: describeError(e) });
    } finally {
      setBusy(null);
    }
  };

  const byQr = () =>
    run('qr', async () => {
      let scanned: { result: string } | null;
      try {
        scanned = await withConsent('使用相机扫码', () =>
          Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] }),
        );
      } catch (e) {
        if (classifyWxFailure(e) === 'unsupported') throw new Error('当前环境不支持扫码，请使用定位签到');
        throw e;
      }
      if (!scanned) return null;
      const at = await checkInByQr(meeting.id, scanned.result.trim());
      return `签到成功（${formatPartyTime(at.checkedInAt)}，扫码）`;
    });

  const byLocation = () =>
    run('location', async () => {
      const here = await withConsent('获取您的位置', currentLocation);
      if (!here) return null;
      const at = await checkInByLocation(meeting.id, here.lng, here.lat);
      return `签到成功（${formatPartyTime(at.checkedInAt)}，定位）`;
    });

  const submitLeave = () =>
    run('leave', async () => {
      const text = reason.trim();
      if (!text) throw new Error('请填写请假事由');
      await requestLeave(meeting.id, text);
      setLeaveOpen(false);
      setReason('');
      return '请假申请已提交，等待支部审批';
    });

  return (
    <View className="card party-card" id="party-meeting-actions">
      <Heading>签到与请假</Heading>
      {meeting.canCheckIn ? (
        <View className="party-actions">
          <Button
            id="party-checkin-qr"
            block
            keyAction
            type="primary"
            loading={busy === 'qr'}
            disabled={busy !== null}
            onClick={() => void byQr()}
          >
            扫码签到
          </Button>
          {meeting.locationCheckIn ? (
            <Button
              id="party-checkin-location"
              block
              keyAction
              type="default"
              loading={busy === 'location'}
              disabled={busy !== null}
              onClick={() => void byLocation()}
            >
              定位签到（会场 {meeting.radiusM} 米内）
            </Button>
          ) : (
            <Text className="party-text party-text--muted">本次会议只能扫描主持人出示的二维码签到。</Text>
          )}
        </View>
      ) : (
        <Text className="party-text party-text--muted" id="party-checkin-closed">
          {meeting.attendance === 'checked_in'
            ? `您已于 ${meeting.checkedInAt ? formatPartyTime(meeting.checkedInAt) : ''} 签到`
            : meeting.attendance === 'leave_approved'
              ? '您的请假已批准，无需签到'
              : meeting.phase === 'ended'
                ? '会议已结束，签到已关闭'
                : `签到将于 ${formatPartyTime(meeting.checkInOpensAt)} 开始`}
        </Text>
      )}
      {meeting.canRequestLeave ? (
        leaveOpen ? (
          <View>
            <Textarea
              id="party-leave-reason"
              className="party-textarea"
              value={reason}
              maxlength={LEAVE_REASON_MAX}
              placeholder="请填写请假事由（必填）"
              ariaLabel="请假事由"
              onInput={(e) => setReason(e.detail.value)}
            />
            <View className="party-actions">
              <Button
                id="party-leave-submit"
                block
                type="primary"
                loading={busy === 'leave'}
                disabled={busy !== null}
                onClick={() => void submitLeave()}
              >
                提交请假
              </Button>
              <Button block type="default" disabled={busy !== null} onClick={() => setLeaveOpen(false)}>
                取消
              </Button>
            </View>
          </View>
        ) : (
          <View className="party-actions">
            <Button id="party-leave-open" block type="default" onClick={() => setLeaveOpen(true)}>
              我要请假
            </Button>
          </View>
        )
      ) : null}
      {outcome ? (
        <Text
          id="party-meeting-outcome"
          className={`party-message party-message--${outcome.kind}`}
          {...aria(outcome.kind === 'error' ? { role: 'alert' } : { live: 'polite' })}
        >
          {outcome.text}
        </Text>
      ) : null}
    </View>
  );
}

/** A meeting I am invited to: when, where, my attendance, check-in by QR or location, leave. */
export default function PartyMeeting() {
  // The meeting invitation push opens party/pages/meeting/index?id=…
  const id = pageIdFrom(useRouter().params);
  const load = useCallback(() => fetchMyMeeting(id ?? ''), [id]);
  const [state, reload] = useAsync(load);
  useEffect(() => {
    if (id) void reload();
  }, [id, reload]);
  useDidShow(() => {
    if (id && state.data) void reload();
  });

  if (!id) {
    return (
      <Screen>
        <EmptyState title="未指定会议" description="请从会议列表或会议通知打开。" />
      </Screen>
    );
  }
  return (
    <Screen dataTest="party-meeting">
      <PartyState state={state} reload={() => void reload()}>
        {(m) => (
          <View>
            <View className="card party-card" id="party-meeting">
              <Text className="party-card__eyebrow">
                {meetingTypeLabels[m.type]} · {m.orgName}
              </Text>
              <Heading className="party-card__title">{m.topic}</Heading>
              <Text className={`party-chip party-chip--${m.attendance}`} id="party-meeting-attendance">
                {attendanceText(m)}
              </Text>
            </View>
            <ListGroup label="会议信息">
              <ListRow title="时间" value={formatMeetingSpan(m.startsAt, m.endsAt)} />
              <ListRow title="状态" value={phaseLabels[m.phase]} />
              <ListRow title="地点" value={m.place} />
              <ListRow title="主持人" value={m.host} />
              {m.leaveReason ? <ListRow title="请假事由" value={m.leaveReason} /> : null}
            </ListGroup>
            <View className="section">
              <Actions meeting={m} onChanged={() => void reload()} />
            </View>
            {m.minutes ? (
              <View className="card party-card">
                <Heading>会议纪要</Heading>
                <Text className="party-text">{m.minutes}</Text>
              </View>
            ) : null}
          </View>
        )}
      </PartyState>
    </Screen>
  );
}
