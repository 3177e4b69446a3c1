import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { useEffect } from 'react';
import { committeeRoleLabels, Role, type MyPartyMemberVO } from '@zhili/shared/client';
import { Heading } from '../../../components/a11y/Heading';
import { Screen } from '../../../components/a11y/Screen';
import { Tappable } from '../../../components/a11y/Tappable';
import { WithProfile } from '../../../components/WithProfile';
import { useAsync } from '../../../hooks/useAsync';
import { useProfile } from '../../../hooks/useProfile';
import type { MpProfile } from '../../../services/api';
import { Button } from '../../../ui/nutui';
import { hasRole } from '../../../utils/roles';
import { routes } from '../../../utils/routes';
import { PartyState } from '../../components/PartyState';
import { fetchPartyHome } from '../../services/party-api';
import { badgeText, progressLines } from '../../services/party-format';
import '../../components/party.css';

/** For someone without a member file: what the section is, how to apply, whom to ask. Not an error. */
function NotAMember({ profile }: { profile: MpProfile }) {
  const bound = hasRole(profile.roles, Role.PartyMember);
  return (
    <View className="card party-card" id="party-not-member">
      <Heading className="party-card__title">你还不是党员</Heading>
      {bound ? (
        <Text className="party-text">
          你的账号已绑定党员身份，但还没有关联党员档案。请联系所在党支部书记，在管理后台为你关联后再进入本页。
        </Text>
      ) : (
        <Text className="party-text">党员之家为党员提供支部信息、党务公开、会议签到和个人档案查询。</Text>
      )}
      <Heading level={3} className="party-card__eyebrow">
        如何申请入党
      </Heading>
      <Text className="party-text">
        年满十八岁、承认党的纲领和章程的中国公民，可以向工作、学习所在单位或居住地的党组织提交入党申请书。党组织会在一个月内派人与你谈话，了解基本情况。
      </Text>
      <Heading level={3} className="party-card__eyebrow">
        联系村党支部
      </Heading>
      <Text className="party-text">请到所在村（社区）党群服务中心，或联系村（社区）党支部书记咨询。</Text>
      <View className="party-actions">
        <Button id="party-back-home" block type="primary" onClick={() => void Taro.switchTab({ url: routes.home })}>
          返回首页
        </Button>
      </View>
    </View>
  );
}

function Shortcut(props: {
  id: string;
  title: string;
  desc: string;
  badge: string | null;
  label: string;
  url: string;
}) {
  return (
    <Tappable
      id={props.id}
      role="link"
      label={props.label}
      className="party-shortcut"
      hoverClass="list-row--hover"
      onPress={() => void Taro.navigateTo({ url: props.url })}
    >
      <Text className="party-shortcut__title">{props.title}</Text>
      <Text className="party-shortcut__desc">{props.desc}</Text>
      {props.badge ? <Text className="party-badge">{props.badge}</Text> : null}
    </Tappable>
  );
}

function MemberHome({ member }: { member: MyPartyMemberVO }) {
  const { unreadNotices, meetingsToAttend } = member.counts;
  return (
    <View>
      <View className="card party-card" id="party-branch">
        <Text className="party-card__eyebrow">{member.branch.path.slice(0, -1).join(' / ') || '我的支部'}</Text>
        <Heading className="party-card__title">{member.branch.name}</Heading>
        {member.committee.length === 0 ? (
          <Text className="party-text party-text--muted">支部班子信息暂未录入</Text>
        ) : (
          member.committee.map((seat) => (
            <View className="party-committee__row" key={`${seat.role}-${seat.name}`}>
              <Text className="party-committee__role">{committeeRoleLabels[seat.role]}</Text>
              <Text>{seat.name}</Text>
            </View>
          ))
        )}
      </View>
      {member.progress ? (
        <View className="card party-card party-progress" id="party-progress">
          <Heading className="party-card__title">我的预备期</Heading>
          {progressLines(member.progress).map((line) => (
            <Text key={line} className={`party-text ${line.startsWith('已超过') ? 'party-text--warning' : ''}`}>
              {line}
            </Text>
          ))}
        </View>
      ) : null}
      <View className="section">
        <Heading>党员服务</Heading>
        <View className="party-shortcuts">
          <Shortcut
            id="party-go-notices"
            title="党务公开"
            desc={unreadNotices > 0 ? `${unreadNotices} 条未读` : '通知与公开事项'}
            badge={badgeText(unreadNotices)}
            label={`党务公开，${unreadNotices} 条未读`}
            url={routes.partyNotices}
          />
          <Shortcut
            id="party-go-meetings"
            title="会议签到"
            desc={meetingsToAttend > 0 ? `${meetingsToAttend} 场待参加` : '三会一课、主题党日'}
            badge={badgeText(meetingsToAttend)}
            label={`会议签到，${meetingsToAttend} 场待参加`}
            url={routes.partyMeetings}
          />
          <Shortcut
            id="party-go-file"
            title="我的档案"
            desc="党籍信息（已脱敏）"
            badge={null}
            label="我的档案"
            url={routes.partyFile}
          />
          <Shortcut
            id="party-go-honours"
            title="我的荣誉"
            desc="荣誉榜与民主评议结果"
            badge={null}
            label="我的荣誉，荣誉榜与民主评议结果"
            url={routes.partyHonours}
          />
          <Shortcut
            id="party-go-contacts"
            title="党员通讯录"
            desc="本支部（号码已脱敏）"
            badge={null}
            label="党员通讯录，本支部党员，号码已脱敏"
            url={routes.partyContacts}
          />
          <Shortcut
            id="party-go-dues"
            title="党费缴纳"
            desc="本月党费、缴费记录"
            badge={null}
            label="党费缴纳，本月党费与缴费记录"
            url={routes.partyDues}
          />
          <Shortcut
            id="party-go-study"
            title="党员学习"
            desc="即将开放"
            badge={null}
            label="党员学习，即将开放"
            url={routes.partyStudy}
          />
        </View>
      </View>
    </View>
  );
}

function PartyHomeBody({ profile }: { profile: MpProfile }) {
  const [state, reload] = useAsync(fetchPartyHome);
  // Mounted once the profile is known (after the page's first show); reloaded on every later show.
  useEffect(() => void reload(), [reload]);
  useDidShow(() => void reload());
  usePullDownRefresh(() => void reload().finally(() => Taro.stopPullDownRefresh()));
  return (
    <PartyState state={state} reload={() => void reload()}>
      {(home) => (home.member ? <MemberHome member={home.member} /> : <NotAMember profile={profile} />)}
    </PartyState>
  );
}

/** 党员之家: my branch and its committee, shortcuts with counts, my probation; an explanation for non-members. */
export default function PartyHome() {
  const [state, reload] = useProfile();
  return (
    <Screen dataTest="party-home">
      <WithProfile state={state} reload={reload}>
        {(profile) => <PartyHomeBody profile={profile} />}
      </WithProfile>
    </Screen>
  );
}
