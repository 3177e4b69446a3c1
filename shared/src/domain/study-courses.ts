/**
 * Courses of the online party school (网上党校) as pure rules: the limits forms and the BFF share, who a
 * course addresses, and whether a course is open for study on a Beijing calendar day.
 *
 * Hours (学时) and credits (学分) are kept in tenths (a 1.5-学时 course is 15) so both databases store
 * integers; the wire carries them as numbers with at most one decimal.
 */

export const studyCourseLimits = {
  columnName: 40,
  columnDescription: 200,
  courseTitle: 100,
  courseSummary: 2_000,
  /** Organisations a course may address by name (each with its subtree). */
  audienceOrgs: 50,
  /** Hours and credits, as numbers (not tenths). */
  maxHours: 200,
  maxCredits: 100,
  lessonTitle: 100,
  lessonsPerCourse: 100,
  /** Article HTML as typed by staff (before sanitising). */
  articleHtml: 100_000,
  /** External video links. */
  videoUrl: 1_000,
  /** Durations and reading times, in ms: from 10 s to 6 h. */
  minDurationMs: 10_000,
  maxDurationMs: 6 * 3600_000,
  rejectReason: 200,
} as const;

export const courseStatuses = ['draft', 'published', 'closed'] as const;
export type CourseStatus = (typeof courseStatuses)[number];
export const courseStatusLabels: Record<CourseStatus, string> = {
  draft: '草稿',
  published: '已发布',
  closed: '已结束',
};

/** Who a course is for: every member of the town, or the members of chosen organisations and their subtrees. */
export const courseAudiences = ['all', 'orgs'] as const;
export type CourseAudience = (typeof courseAudiences)[number];
export const courseAudienceLabels: Record<CourseAudience, string> = { all: '全体党员', orgs: '指定党组织' };

export const enrolmentStatuses = ['pending', 'approved', 'rejected'] as const;
export type EnrolmentStatus = (typeof enrolmentStatuses)[number];
export const enrolmentStatusLabels: Record<EnrolmentStatus, string> = {
  pending: '待审核',
  approved: '已通过',
  rejected: '未通过',
};

/** A tenth-unit integer (15) as the number on the wire (1.5). */
export const fromTenths = (tenths: number): number => tenths / 10;
/** A number with at most one decimal (1.5) as tenths (15). */
export const toTenths = (value: number): number => Math.round(value * 10);

/** Whether a member of the organisation at `memberOrgPath` is addressed by a course. */
export function courseAddresses(
  course: { audience: CourseAudience; audiencePaths: readonly string[] },
  memberOrgPath: string,
): boolean {
  if (course.audience === 'all') return true;
  return course.audiencePaths.some((path) => memberOrgPath.startsWith(path));
}

/**
 * Why a published course cannot be studied on `today` (a Beijing `YYYY-MM-DD`): `not_open` before its
 * opening day, `closed` after its closing day or once staff closed it, `draft` before publishing;
 * null when it is open. Opening and closing days are inclusive.
 */
export type CourseClosedReason = 'draft' | 'not_open' | 'closed';
export function courseClosedReason(
  course: { status: CourseStatus; opensOn: string | null; closesOn: string | null },
  today: string,
): CourseClosedReason | null {
  if (course.status === 'draft') return 'draft';
  if (course.status === 'closed') return 'closed';
  if (course.opensOn && today < course.opensOn) return 'not_open';
  if (course.closesOn && today > course.closesOn) return 'closed';
  return null;
}

/**
 * What a member sees of a course (学习状态): `not_open` / `closed` by dates; for an elective needing
 * approval: `apply` (not asked yet), `pending`, `rejected`; otherwise `open`.
 */
export type MemberCourseState = 'open' | 'not_open' | 'closed' | 'apply' | 'pending' | 'rejected';
export const memberCourseStateLabels: Record<MemberCourseState, string> = {
  open: '可学习',
  not_open: '未开始',
  closed: '已结束',
  apply: '可申请选修',
  pending: '选课审核中',
  rejected: '选课未通过',
};

export function memberCourseState(
  course: {
    status: CourseStatus;
    opensOn: string | null;
    closesOn: string | null;
    required: boolean;
    needsApproval: boolean;
  },
  enrolment: EnrolmentStatus | null,
  today: string,
): MemberCourseState {
  const closed = courseClosedReason(course, today);
  if (closed === 'not_open') return 'not_open';
  if (closed) return 'closed';
  if (course.required || !course.needsApproval) return 'open';
  if (enrolment === 'approved') return 'open';
  if (enrolment === 'pending') return 'pending';
  if (enrolment === 'rejected') return 'rejected';
  return 'apply';
}
