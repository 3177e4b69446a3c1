import { studyCourseLimits as L } from '../../domain/study-courses';
import { z } from '../zod';
import { partyRef, requiredText } from '../party/common';

export const lessonKinds = ['video', 'document', 'article'] as const;

const ms = (label: string) =>
  z
    .number({ error: `请填写${label}` })
    .int({ error: `${label}应为整数毫秒` })
    .min(L.minDurationMs, { error: `${label}不能少于 ${L.minDurationMs / 1000} 秒` })
    .max(L.maxDurationMs, { error: `${label}不能超过 ${L.maxDurationMs / 3600_000} 小时` });

/** A lesson (课时) as staff see it. */
export const studyLessonSchema = z.object({
  id: z.string(),
  courseId: z.string(),
  sortOrder: z.number().int(),
  title: z.string(),
  kind: z.enum(lessonKinds),
  /** Uploaded MP4 (video) or PDF (document). */
  fileId: z.string().nullable(),
  /** Signed, expiring link to the file (10 min). */
  fileUrl: z.string().nullable(),
  /** External https video link (instead of an upload). */
  videoUrl: z.string().nullable(),
  /** Video length. */
  durationMs: z.number().int().nullable(),
  /** Documents and articles: the least reading time that counts as studied. */
  minReadingMs: z.number().int().nullable(),
  /** Sanitised article HTML. */
  articleHtml: z.string().nullable(),
  /** Credited study time the lesson needs before it counts as complete. */
  requiredMs: z.number().int(),
});
export type StudyLessonVO = z.infer<typeof studyLessonSchema>;

/**
 * Adding or changing a lesson. Video: an uploaded MP4 (`fileId`; its length is read from the file when
 * `durationMs` is left empty) or an https link with `durationMs`; document: an uploaded PDF with
 * `minReadingMs`; article: `articleHtml` (sanitised on the server) with `minReadingMs`.
 */
export const lessonInputSchema = z
  .strictObject({
    title: requiredText(L.lessonTitle, '请填写课时名称'),
    kind: z.enum(lessonKinds, { error: '请选择课时类型' }),
    fileId: partyRef().nullable().optional(),
    videoUrl: z
      .string()
      .trim()
      .max(L.videoUrl)
      .regex(/^https:\/\/[^\s]+$/i, { error: '视频链接应以 https:// 开头' })
      .nullable()
      .optional(),
    durationMs: ms('视频时长').nullable().optional(),
    minReadingMs: ms('最少阅读时间').nullable().optional(),
    articleHtml: z
      .string()
      .max(L.articleHtml, { error: `不能超过 ${L.articleHtml} 个字符` })
      .nullable()
      .optional(),
  })
  .superRefine((l, ctx) => {
    const need = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    if (l.kind === 'video') {
      if (!l.fileId && !l.videoUrl) need('fileId', '请上传视频或填写视频链接');
      if (l.fileId && l.videoUrl) need('videoUrl', '上传视频和视频链接只能选一个');
      if (l.videoUrl && !l.durationMs) need('durationMs', '外部视频链接请填写视频时长');
    }
    if (l.kind === 'document' && !l.fileId) need('fileId', '请上传 PDF 文档');
    if (l.kind === 'article' && !l.articleHtml?.trim()) need('articleHtml', '请填写文章内容');
    if (l.kind !== 'video' && !l.minReadingMs) need('minReadingMs', '请填写最少阅读时间');
  });
export type LessonInput = z.output<typeof lessonInputSchema>;

/** The lessons of a course in their new order: every lesson once. */
export const lessonOrderSchema = z.strictObject({
  lessonIds: z.array(partyRef()).min(1).max(L.lessonsPerCourse),
});
