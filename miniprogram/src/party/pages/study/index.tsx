import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { MyCourseVO, StudyHomeVO } from '@zhili/shared/client';
import { Role } from '@zhili/shared/client';
import { Heading } from '../../../components/a11y/Heading';
import { Screen } from '../../../components/a11y/Screen';
import { Tappable } from '../../../components/a11y/Tappable';
import { RoleGate } from '../../../components/RoleGate';
import { EmptyState } from '../../../components/StateView';
import { WithProfile } from '../../../components/WithProfile';
import { useAsync } from '../../../hooks/useAsync';
import { useProfile } from '../../../hooks/useProfile';
import { routes } from '../../../utils/routes';
import { PartyState } from '../../components/PartyState';
import { fetchStudyHome } from '../../services/study-courses-api';
import { courseDates, courseStateLabels } from '../../services/study-courses-format';
import { ReminderOptIn } from './ReminderOptIn';
import '../../components/party.css';
import './study.css';

/** The school's other parts, each a page of its own (exams, surveys, points and ranking). */
const tiles = [
  { key: 'exams', label: '在线考试', url: routes.partyExams },
  { key: 'surveys', label: '问卷评议', url: routes.partySurveys },
  { key: 'points', label: '学习积分', url: routes.partyPoints },
  { key: 'ranking', label: '积分排行', url: routes.partyRanking },
];

function CourseRow({ course }: { course: MyCourseVO }) {
  const state = courseStateLabels[course.state];
  return (
    <Tappable
      className="party-row study-course"
      role="link"
      label={`${course.title}，${course.required ? '必修' : '选修'}，${state}，已学 ${course.lessonsDone} / ${course.lessonCount} 个课时`}
      data-test="study-course-row"
      data-state={course.state}
      hoverClass="list-row--hover"
      onPress={() => void Taro.navigateTo({ url: `${routes.partyCourse}?id=${encodeURIComponent(course.id)}` })}
    >
      <View className="party-row__head">
        <Text className="party-row__title">{course.title}</Text>
        <Text className={`study-state study-state--${course.state}`}>{state}</Text>
      </View>
      <Text className="party-row__meta">
        {course.columnName} · {course.hours} 学时 · {courseDates(course)}
      </Text>
      <Text className="party-row__meta" data-test="study-course-done">
        {course.lessonsDone >= course.lessonCount && course.lessonCount > 0
          ? `已学完全部 ${course.lessonCount} 个课时`
          : `已学 ${course.lessonsDone} / ${course.lessonCount} 个课时`}
      </Text>
      {course.state === 'rejected' && course.rejectReason ? (
        <Text className="party-text party-text--warning">未通过原因：{course.rejectReason}</Text>
      ) : null}
    </Tappable>
  );
}

function CourseSection({ title, courses, empty }: { title: string; courses: MyCourseVO[]; empty: string }) {
  return (
    <View className="study-section">
      <Heading className="study-section__title">
        {title}（{courses.length}）
      </Heading>
      {courses.length === 0 ? (
        <Text className="party-text party-text--muted">{empty}</Text>
      ) : (
        <View className="list-group">
          {courses.map((c) => (
            <CourseRow key={c.id} course={c} />
          ))}
        </View>
      )}
    </View>
  );
}

function SchoolHome({ home, nickname }: { home: StudyHomeVO; nickname: string }) {
  return (
    <View id="study-home-content">
      <View className="study-tiles">
        {tiles.map((t) => (
          <Tappable
            key={t.key}
            className="study-tile"
            role="link"
            label={t.label}
            data-test={`study-tile-${t.key}`}
            onPress={() => void Taro.navigateTo({ url: t.url })}
          >
            <Text>{t.label}</Text>
          </Tappable>
        ))}
      </View>
      {home.columns.length > 0 ? (
        <View className="study-columns" data-test="study-columns">
          {home.columns.map((c) => (
            <Text key={c.id} className="study-column">
              {c.name}
            </Text>
          ))}
        </View>
      ) : null}
      {home.reminderTemplateId && home.required.length > 0 ? (
        <ReminderOptIn templateId={home.reminderTemplateId} nickname={nickname} />
      ) : null}
      {home.required.length + home.electives.length === 0 ? (
        <EmptyState title="暂时没有课程" description="党组织发布学习课程后会显示在这里，请留意支部通知。" />
      ) : (
        <>
          <CourseSection title="必修课" courses={home.required} empty="暂时没有必修课。" />
          <CourseSection title="选修课" courses={home.electives} empty="暂时没有可选的选修课。" />
        </>
      )}
    </View>
  );
}

/** 网上党校: the school's home for a party member — tiles to its parts, columns, my required and elective courses. */
export default function PartyStudy() {
  const [profileState, reloadProfile] = useProfile();
  const [state, reload] = useAsync(fetchStudyHome);
  // Back from a course or lesson: states may have changed (an elective approved, a lesson done).
  useDidShow(() => void reload());
  usePullDownRefresh(() => void reload().finally(() => Taro.stopPullDownRefresh()));
  return (
    <Screen dataTest="party-study">
      <WithProfile state={profileState} reload={reloadProfile}>
        {(profile) => (
          <RoleGate
            profile={profile}
            role={Role.PartyMember}
            title="需由党组织绑定党员身份后使用"
            explanation="党员身份由所在党支部在管理后台核实并绑定。如果你是党员，请联系所在党支部；绑定后重新进入本页即可使用。"
          >
            <PartyState state={state} reload={() => void reload()}>
              {(home) => <SchoolHome home={home} nickname={profile.nickname} />}
            </PartyState>
          </RoleGate>
        )}
      </WithProfile>
    </Screen>
  );
}
