import { defineRoute } from '../define';
import { pathId } from '../fields';
import { z } from '../zod';

const MP_TAG = '小程序 · 网上党校';

/** Upper bound of a reported position: a day in milliseconds (longer than any lesson or document). */
const MAX_POSITION_MS = 86_400_000;

/** Why a heartbeat credited nothing (or less than the elapsed time): Chinese, for the player to show. */
export const studyRefusalSchema = z.object({ code: z.string(), message: z.string() });

/**
 * My progress in one lesson as the BFF derives it from the shared rules (`lessonProgressPermille`,
 * `requiredStudyMs`, `nextHeartbeatSeq`). Clients show it and never re-derive it.
 */
export const lessonProgressSchema = z.object({
  lessonId: z.string(),
  kind: z.enum(['video', 'document', 'article']),
  /** Credited time the lesson needs before it is complete. */
  requiredMs: z.number().int(),
  creditedMs: z.number().int(),
  /** Video: the furthest point reached at wall-clock speed; 0 for documents and articles. */
  furthestMs: z.number().int(),
  /** Where to resume (video: ms into the video; document/article: the reader's place). */
  position: z.number().int(),
  /** 0–1000; 1000 once complete. */
  permille: z.number().int(),
  /** Credited time still missing (0 once complete). */
  remainingMs: z.number().int(),
  completed: z.boolean(),
  completedAt: z.string().nullable(),
  /** The sequence number the next heartbeat must carry (or any higher one). */
  nextSeq: z.number().int(),
  /** How often the player sends a heartbeat while studying. */
  heartbeatIntervalMs: z.number().int(),
});
export type LessonProgressVO = z.infer<typeof lessonProgressSchema>;

export const studyHeartbeatBodySchema = z.strictObject({
  /** start: playing / page visible; beat: still studying; stop: paused, hidden or left. */
  kind: z.enum(['start', 'beat', 'stop'], { error: '学习记录类型无效' }),
  seq: z.number({ error: '学习记录序号无效' }).int().min(1).max(1_000_000_000),
  /** Video: ms into the video; document/article: the reader's place. Any client clock is ignored. */
  position: z.number({ error: '播放位置无效' }).int().min(0).max(MAX_POSITION_MS),
});
export type StudyHeartbeatBody = z.infer<typeof studyHeartbeatBodySchema>;

export const studyHeartbeatResultSchema = z.object({
  /** Study time this heartbeat credited (server time, never the client's). */
  creditedMs: z.number().int(),
  completedNow: z.boolean(),
  /** Points the completion earned (0 when capped, null when nothing was completed). */
  pointsAwarded: z.number().int().nullable(),
  reason: studyRefusalSchema.nullable(),
  progress: lessonProgressSchema,
});
export type StudyHeartbeatResultVO = z.infer<typeof studyHeartbeatResultSchema>;

/** A member's study progress in the mini-program (party_member role, own member file only). */
export const mpStudyProgressRoutes = {
  lessonProgress: defineRoute({
    method: 'GET',
    path: '/api/mp/study/lessons/:id/progress',
    summary: '我的课时学习进度（续播位置、已计学时、下一个记录序号）',
    tag: MP_TAG,
    audience: 'mp',
    params: z.object({ id: pathId() }),
    response: lessonProgressSchema,
  }),
  heartbeat: defineRoute({
    method: 'POST',
    path: '/api/mp/study/lessons/:id/heartbeat',
    summary: '学习心跳：按服务器时间计入学时（不能快进、同时只计一门、重复记录不计）',
    tag: MP_TAG,
    audience: 'mp',
    params: z.object({ id: pathId() }),
    body: studyHeartbeatBodySchema,
    response: studyHeartbeatResultSchema,
    status: 200,
  }),
};
