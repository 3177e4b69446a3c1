import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { useEffect } from 'react';
import type { MyMeetingVO } from '@zhili/shared/client';
import { Heading } from '../../../components/a11y/Heading';
import { Screen } from '../../../components/a11y/Screen';
import { Tappable } from '../../../components/a11y/Tappable';
import { EmptyState } from '../../../components/StateView';
import { useAsync } from '../../../hooks/useAsync';
import { routes } from '../../../utils/routes';
import { PartyState } from '../../components/PartyState';
import { fetchMyMeetings } from '../../services/party-api';
import { attendanceText, formatMeetingSpan, meetingTitle, phaseLabels } from '../../services/party-format';
import '../../components/party.css';

function MeetingRow({ meeting }: { meeting: MyMeetingVO }) {
  const state = attendanceText(meeting);
  const chip = meeting.phase === 'ended' && state === '未签到' ? 'ended' : meeting.attendance;
  return (
    <Tappable
      className="party-row"
      role="link"
      label={`${meetingTitle(meeting)}，${phaseLabels[meeting.phase]}，${state}`}
      data-test="party-meeting-row"
      hoverClass="list-row--hover"
      onPress={() => void Taro.navigateTo({ url: `${routes.partyMeeting}?id=${encodeURIComponent(meeting.id)}` })}
    >
      <View className="party-row__head">
        <Text className="party-row__title">{meetingTitle(meeting)}</Text>
        <Text className={`party-chip party-chip--${chip}`}>{state}</Text>
      </View>
      <Text className="party-row__meta">
        {formatMeetingSpan(meeting.startsAt, meeting.endsAt)} · {phaseLabels[meeting.phase]}
      </Text>
      <Text className="party-row__meta">
        {meeting.place} · {meeting.orgName}
      </Text>
    </Tappable>
  );
}

/** My meetings: the ones to attend (soonest first) and the recent ones with my attendance. */
export default function PartyMeetings() {
  const [state, reload] = useAsync(fetchMyMeetings);
  useEffect(() => void reload(), [reload]);
  useDidShow(() => void reload());
  usePullDownRefresh(() => void reload().finally(() => Taro.stopPullDownRefresh()));
  return (
    <Screen dataTest="party-meetings">
      <PartyState state={state} reload={() => void reload()}>
        {(list) => (
          <View>
            <View className="section">
              <Heading>进行中与即将召开</Heading>
              {list.upcoming.length === 0 ? (
                <EmptyState
                  title="近期没有需要参加的会议"
                  description="支部安排会议后，会议通知和签到入口会显示在这里。"
                />
              ) : (
                <View className="list-group" data-test="party-meetings-upcoming">
                  {list.upcoming.map((m) => (
                    <MeetingRow key={m.id} meeting={m} />
                  ))}
                </View>
              )}
            </View>
            {list.recent.length > 0 ? (
              <View className="section">
                <Heading>近期会议</Heading>
                <View className="list-group" data-test="party-meetings-recent">
                  {list.recent.map((m) => (
                    <MeetingRow key={m.id} meeting={m} />
                  ))}
                </View>
              </View>
            ) : null}
          </View>
        )}
      </PartyState>
    </Screen>
  );
}
