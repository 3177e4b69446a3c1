import { defaultStudyRules, z, type StudyRules } from '@zhili/shared';
import type { EnvOf } from '../../core/config/env-fields';

/** Environment of the party school module (docs/CONTRACTS.md "Party school"). */
export const studyEnv = {
  // Heartbeat rules of honest study progress (shared `defaultStudyRules`); the e2e and the bench
  // shorten the interval to a few seconds.
  /** How often the player sends a heartbeat while studying. */
  STUDY_HEARTBEAT_INTERVAL_MS: z.coerce
    .number()
    .int()
    .min(1000)
    .max(300_000)
    .default(defaultStudyRules.heartbeatIntervalMs),
  /** Network jitter allowed on top of the interval and ahead of a video's furthest point. */
  STUDY_HEARTBEAT_TOLERANCE_MS: z.coerce.number().int().min(0).max(60_000).default(defaultStudyRules.toleranceMs),
  /** A pause longer than this starts a new span (the pause credits nothing). */
  STUDY_HEARTBEAT_MAX_GAP_MS: z.coerce.number().int().min(2000).max(3_600_000).default(defaultStudyRules.maxGapMs),
  /** Share of a video (per mille) that must be watched for the lesson to count as complete. */
  STUDY_VIDEO_REQUIRED_PERMILLE: z.coerce
    .number()
    .int()
    .min(1)
    .max(1000)
    .default(defaultStudyRules.videoRequiredPermille),
  /** Subscribe-message template of the laggard reminder (进度分析); unset: reminders are off. */
  WECHAT_TMPL_STUDY_REMINDER: z.string().trim().max(64).optional(),
};
export type StudyEnv = EnvOf<typeof studyEnv>;

/** The heartbeat rules this deployment applies (defaults: the shared `defaultStudyRules`). */
export function studyRulesOf(env: StudyEnv): StudyRules {
  return {
    heartbeatIntervalMs: env.STUDY_HEARTBEAT_INTERVAL_MS,
    toleranceMs: env.STUDY_HEARTBEAT_TOLERANCE_MS,
    maxGapMs: env.STUDY_HEARTBEAT_MAX_GAP_MS,
    videoRequiredPermille: env.STUDY_VIDEO_REQUIRED_PERMILLE,
  };
}
