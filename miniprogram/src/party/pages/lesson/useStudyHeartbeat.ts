import { useCallback, useEffect, useRef, useState } from 'react';
import type { LessonProgressVO, StudyHeartbeatResultVO } from '@zhili/shared/client';
import { describeError } from '../../../services/errors';
import { HeartbeatSender } from '../../services/heartbeat';
import { sendHeartbeat } from '../../services/study-progress-api';

export interface StudyHeartbeat {
  progress: LessonProgressVO;
  /** The server's words when it credited nothing (seek ahead, another lesson, a long pause…). */
  notice: string | null;
  /** Set on the heartbeat that completed the lesson. */
  completed: StudyHeartbeatResultVO | null;
  studying: boolean;
  start: () => void;
  stop: () => void;
}

/**
 * Heartbeats of one lesson while the member studies (video playing, reader visible): `start`, a `beat`
 * every interval the server names, `stop` on pause or leaving. `position()` is read at each beat;
 * `onSnapBack` receives the server's resume point after a refused seek.
 */
export function useStudyHeartbeat(
  lessonId: string,
  initial: LessonProgressVO,
  position: () => number,
  onSnapBack?: (positionMs: number) => void,
): StudyHeartbeat {
  const [progress, setProgress] = useState(initial);
  const [notice, setNotice] = useState<string | null>(null);
  const [completed, setCompleted] = useState<StudyHeartbeatResultVO | null>(null);
  const [studying, setStudying] = useState(false);
  const positionRef = useRef(position);
  positionRef.current = position;
  const snapRef = useRef(onSnapBack);
  snapRef.current = onSnapBack;
  const timer = useRef<ReturnType<typeof setInterval> | null>(null);
  const sender = useRef<HeartbeatSender | null>(null);

  if (!sender.current) {
    sender.current = new HeartbeatSender(initial, (body) => sendHeartbeat(lessonId, body), {
      onResult: (result) => {
        setProgress(result.progress);
        setNotice(result.reason ? result.reason.message : null);
        if (result.completedNow) setCompleted(result);
        if (result.reason?.code === 'STUDY_SEEK_AHEAD') snapRef.current?.(result.progress.position);
      },
      onError: (error) => setNotice(`学习记录未能保存：${describeError(error)}。请检查网络，稍后会自动重试。`),
    });
  }

  const stop = useCallback(() => {
    if (!timer.current) return;
    clearInterval(timer.current);
    timer.current = null;
    setStudying(false);
    void sender.current?.push('stop', () => positionRef.current());
  }, []);

  const start = useCallback(() => {
    if (timer.current) return;
    setStudying(true);
    void sender.current?.push('start', () => positionRef.current());
    timer.current = setInterval(
      () => void sender.current?.push('beat', () => positionRef.current()),
      initial.heartbeatIntervalMs,
    );
  }, [initial.heartbeatIntervalMs]);

  // Leaving the page stops the clock.
  useEffect(() => stop, [stop]);

  return { progress, notice, completed, studying, start, stop };
}
