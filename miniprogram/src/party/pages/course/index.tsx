import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { MyCourseDetailVO } from '@zhili/shared/client';
import { Heading } from '../../../components/a11y/Heading';
import { Screen } from '../../../components/a11y/Screen';
import { Tappable } from '../../../components/a11y/Tappable';
import { EmptyState } from '../../../components/StateView';
import { useAsync } from '../../../hooks/useAsync';
import { Button } from '../../../ui/nutui';
import { routes } from '../../../utils/routes';
import { PartyState } from '../../components/PartyState';
import { pageIdFrom } from '../../services/party-format';
import { askToEnrol, fetchMyCourse } from '../../services/study-courses-api';
import { courseDates, courseStateLabels, lessonMinutes } from '../../services/study-courses-format';
import '../../components/party.css';
import '../study/study.css';

const kindLabels = { video: '视频', document: '文档', article: '文章' } as const;

/** What the member can do with the course now, in a sentence. */
function stateHint(course: MyCourseDetailVO): string {
  switch (course.state) {
    case 'open':
      return '点击下面的课时开始学习，学习进度会自动记录。';
    case 'not_open':
      return `课程将于 ${course.opensOn ?? ''} 开始，请到时再来学习。`;
    case 'closed':
      return '课程已结束，不能再学习。';
    case 'apply':
      return '这门选修课需要先申请，党支部审核通过后即可学习。';
    case 'pending':
      return '您的选课申请正在审核，通过后即可学习。';
    case 'rejected':
      return `您的选课申请未通过${course.rejectReason ? `：${course.rejectReason}` : ''}。可以再次申请。`;
  }
}

function CourseBody({ course, reload }: { course: MyCourseDetailVO; reload: () => void }) {
  const [asking, setAsking] = useState(false);
  const canStudy = course.state === 'open';
  const canAsk = course.state === 'apply' || course.state === 'rejected';

  async function ask(): Promise<void> {
    setAsking(true);
    try {
      await askToEnrol(course.id);
      void Taro.showToast({ title: '已提交申请', icon: 'success' });
      reload();
    } catch {
      // The client has shown the reason.
    } finally {
      setAsking(false);
    }
  }

  return (
    <View>
      <View className="card party-card" id="course-head">
        <Heading className="party-card__title">{course.title}</Heading>
        <Text className="party-text">
          {course.required ? '必修' : '选修'} · {course.hours} 学时 · {course.credits} 学分
        </Text>
        <Text className="party-text party-text--muted">
          {course.columnName} · 学习时间：{courseDates(course)}
        </Text>
        <View className="party-row__head">
          <Text className={`study-state study-state--${course.state}`} id="course-state">
            {courseStateLabels[course.state]}
          </Text>
        </View>
        <Text className="party-text" id="course-hint">
          {stateHint(course)}
        </Text>
        {course.summary ? <Text className="party-text">{course.summary}</Text> : null}
        {canAsk ? (
          <Button id="course-enrol" type="primary" block loading={asking} disabled={asking} onClick={() => void ask()}>
            申请选修
          </Button>
        ) : null}
      </View>
      <Heading className="study-section__title">课时目录（{course.lessons.length}）</Heading>
      <View className="list-group" data-test="course-lessons">
        {course.lessons.map((l, i) => {
          const length = lessonMinutes(l.kind === 'video' ? l.durationMs : l.minReadingMs);
          const label = `第 ${i + 1} 课，${l.title}，${kindLabels[l.kind]}${length ? `，${length}` : ''}${l.completed ? '，已学完' : ''}`;
          return (
            <Tappable
              key={l.id}
              className="party-row"
              role="link"
              label={canStudy ? label : `${label}，暂不能学习`}
              data-test="course-lesson-row"
              hoverClass="list-row--hover"
              onPress={() => {
                if (!canStudy) {
                  void Taro.showToast({ title: courseStateLabels[course.state], icon: 'none' });
                  return;
                }
                void Taro.navigateTo({ url: `${routes.partyLesson}?id=${encodeURIComponent(l.id)}` });
              }}
            >
              <View className="party-row__head">
                <Text className="party-row__title">
                  {i + 1}. {l.title}
                </Text>
                {l.completed ? (
                  <Text className="study-state study-state--done" data-test="course-lesson-done">
                    已学完
                  </Text>
                ) : null}
              </View>
              <Text className="party-row__meta">
                {kindLabels[l.kind]}
                {length ? ` · ${l.kind === 'video' ? '时长' : '至少阅读'} ${length}` : ''}
              </Text>
            </Tappable>
          );
        })}
      </View>
    </View>
  );
}

/** 课程详情: what the course is, whether I may study it (or ask to), and its lessons in order. */
export default function PartyCourse() {
  const id = pageIdFrom(useRouter().params);
  const [state, reload] = useAsync(() => (id ? fetchMyCourse(id) : Promise.reject(new Error('未指定课程'))));
  useDidShow(() => void reload());
  if (!id)
    return (
      <Screen dataTest="party-course">
        <EmptyState title="未指定课程" description="请从“网上党校”页面打开要学习的课程。" />
      </Screen>
    );
  return (
    <Screen dataTest="party-course">
      <PartyState state={state} reload={() => void reload()}>
        {(course) => <CourseBody course={course} reload={() => void reload()} />}
      </PartyState>
    </Screen>
  );
}
