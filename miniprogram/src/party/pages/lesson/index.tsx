import Taro, { useDidHide, useDidShow, useRouter } from '@tarojs/taro';
import { RichText, Text, Video, View } from '@tarojs/components';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { LessonProgressVO, MyLessonVO } from '@zhili/shared/client';
import { aria } from '../../../components/a11y/aria';
import { Heading } from '../../../components/a11y/Heading';
import { Screen } from '../../../components/a11y/Screen';
import { EmptyState } from '../../../components/StateView';
import { useAsync } from '../../../hooks/useAsync';
import { Button } from '../../../ui/nutui';
import { routes } from '../../../utils/routes';
import { PartyState } from '../../components/PartyState';
import { pageIdFrom } from '../../services/party-format';
import { formatMmSs, formatStudyTime } from '../../services/heartbeat';
import { fetchLesson, fetchLessonProgress } from '../../services/study-progress-api';
import { useStudyHeartbeat } from './useStudyHeartbeat';
import '../../components/party.css';
import './lesson.css';

const VIDEO_ID = 'lesson-video';
const kindLabels = { video: '视频', document: '文档', article: '文章' } as const;

/** Opens a lesson's PDF: WeChat's document viewer, or a new tab in the browser build. */
async function openDocument(url: string): Promise<void> {
  if (process.env.TARO_ENV === 'h5') {
    window.open(url, '_blank', 'noopener');
    return;
  }
  const { tempFilePath } = await Taro.downloadFile({ url });
  await Taro.openDocument({ filePath: tempFilePath, fileType: 'pdf', showMenu: false });
}

function ProgressCard({
  lesson,
  progress,
  studying,
  remainingMs,
}: {
  lesson: MyLessonVO;
  progress: LessonProgressVO;
  studying: boolean;
  remainingMs: number;
}) {
  const percent = Math.floor(progress.permille / 10);
  const reading = lesson.kind !== 'video';
  return (
    <View className="card party-card lesson-progress" id="lesson-progress" data-permille={String(progress.permille)}>
      <View className="lesson-progress__head">
        <Text className="lesson-progress__title">学习进度</Text>
        <Text className="lesson-progress__percent" id="lesson-percent">
          {percent}%
        </Text>
      </View>
      <View className="lesson-bar" {...aria({ role: 'img', label: `学习进度 ${percent}%` })}>
        <View className="lesson-bar__fill" style={{ width: `${percent}%` }} />
      </View>
      {progress.completed ? (
        <Text className="party-text lesson-progress__done" id="lesson-done">
          ✓ 本课时已学完
        </Text>
      ) : reading ? (
        <Text className="party-text" id="lesson-remaining">
          还需阅读 <Text className="lesson-progress__clock">{formatMmSs(remainingMs)}</Text>
          {studying ? '' : '（回到本页后继续计时）'}
        </Text>
      ) : (
        <Text className="party-text" id="lesson-remaining">
          还需观看约 {formatStudyTime(progress.remainingMs)}
          {studying ? '' : '，点击播放继续学习'}
        </Text>
      )}
      <Text className="party-text party-text--muted">
        已计学习时长 {formatStudyTime(progress.creditedMs)}，需 {formatStudyTime(progress.requiredMs)}
      </Text>
    </View>
  );
}

function LessonStudy({ lesson, initial }: { lesson: MyLessonVO; initial: LessonProgressVO }) {
  const position = useRef(initial.position);
  const [seekTo, setSeekTo] = useState<number | null>(null);
  const onSnapBack = useCallback((ms: number) => {
    position.current = ms;
    setSeekTo(ms);
    Taro.createVideoContext(VIDEO_ID).seek(ms / 1000);
  }, []);
  const study = useStudyHeartbeat(lesson.id, initial, () => position.current, onSnapBack);
  const { start, stop, progress } = study;
  const reading = lesson.kind !== 'video';
  // A document viewer opened from here covers the page: reading it still counts.
  const readingOutside = useRef(false);

  // The reader counts while the page is visible; the video while it plays.
  useEffect(() => {
    if (reading) start();
    return stop;
  }, [reading, start, stop]);
  useDidShow(() => {
    readingOutside.current = false;
    if (reading) start();
  });
  useDidHide(() => {
    if (!readingOutside.current) stop();
  });

  // A smooth "还需阅读" between the server's answers (display only; the server decides).
  const [now, setNow] = useState(Date.now());
  const answeredAt = useRef(Date.now());
  useEffect(() => {
    answeredAt.current = Date.now();
  }, [progress]);
  useEffect(() => {
    if (!reading || !study.studying) return undefined;
    const tick = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(tick);
  }, [reading, study.studying]);
  const remainingMs = study.studying
    ? Math.max(0, progress.remainingMs - Math.max(0, now - answeredAt.current))
    : progress.remainingMs;

  const go = (id: string | null) => {
    if (id) void Taro.redirectTo({ url: `${routes.partyLesson}?id=${encodeURIComponent(id)}` });
  };

  return (
    <View>
      <View className="card party-card" id="lesson-head">
        <Text className="party-card__eyebrow">
          {lesson.courseTitle} · {kindLabels[lesson.kind]}
        </Text>
        <Heading className="party-card__title">{lesson.title}</Heading>
        {lesson.kind === 'video' ? (
          <Video
            id={VIDEO_ID}
            className="lesson-video"
            src={lesson.fileUrl ?? lesson.videoUrl ?? ''}
            initialTime={Math.floor((seekTo ?? initial.position) / 1000)}
            showFullscreenBtn
            enablePlayGesture
            onPlay={start}
            onPause={stop}
            onEnded={stop}
            onTimeUpdate={(e) => {
              position.current = Math.round(e.detail.currentTime * 1000);
            }}
          />
        ) : null}
        {lesson.kind === 'article' ? (
          <RichText className="lesson-article" id="lesson-article" nodes={lesson.articleHtml ?? ''} />
        ) : null}
        {lesson.kind === 'document' ? (
          <View className="lesson-document">
            <Text className="party-text">请打开文档认真阅读，阅读期间本页会自动计时。</Text>
            <Button
              id="lesson-open-document"
              type="primary"
              block
              disabled={!lesson.fileUrl}
              onClick={() => {
                if (!lesson.fileUrl) return;
                readingOutside.current = true;
                void openDocument(lesson.fileUrl).catch(() => {
                  readingOutside.current = false;
                  void Taro.showToast({ title: '文档打开失败，请稍后重试', icon: 'none' });
                });
              }}
            >
              打开文档
            </Button>
          </View>
        ) : null}
      </View>
      {study.notice ? (
        <View className="card lesson-notice" id="lesson-notice" {...aria({ role: 'alert' })}>
          <Text className="party-text party-text--warning">{study.notice}</Text>
        </View>
      ) : null}
      {study.completed ? (
        <View className="card lesson-complete" id="lesson-complete" {...aria({ live: 'polite' })}>
          <Text className="party-text">
            恭喜，本课时已学完
            {study.completed.pointsAwarded ? `，获得 ${study.completed.pointsAwarded} 学习积分` : ''}。
          </Text>
        </View>
      ) : null}
      <ProgressCard lesson={lesson} progress={progress} studying={study.studying} remainingMs={remainingMs} />
      <View className="party-actions lesson-nav">
        <Button id="lesson-prev" disabled={!lesson.prevLessonId} onClick={() => go(lesson.prevLessonId)}>
          上一课时
        </Button>
        <Button id="lesson-next" type="primary" disabled={!lesson.nextLessonId} onClick={() => go(lesson.nextLessonId)}>
          下一课时
        </Button>
      </View>
    </View>
  );
}

/**
 * One lesson: the video player or the reader, with honest progress — study time is counted by the
 * server from heartbeats while the video plays or the page is visible, and the page resumes where the
 * member left off.
 */
export default function PartyLesson() {
  const id = pageIdFrom(useRouter().params);
  const load = useCallback(async () => Promise.all([fetchLesson(id ?? ''), fetchLessonProgress(id ?? '')]), [id]);
  const [state, reload] = useAsync(load);
  useEffect(() => {
    if (id) void reload();
  }, [id, reload]);

  if (!id) {
    return (
      <Screen>
        <EmptyState title="未指定课时" description="请从课程页面打开要学习的课时。" />
      </Screen>
    );
  }
  return (
    <Screen dataTest="party-lesson">
      <PartyState state={state} reload={() => void reload()}>
        {([lesson, progress]) => <LessonStudy key={lesson.id} lesson={lesson} initial={progress} />}
      </PartyState>
    </Screen>
  );
}
