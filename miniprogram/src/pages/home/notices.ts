import { caseStatusLabels, type MpCaseItemVO } from '@zhili/shared/client';

/** One line of 通知 on the 长辈模式 home: what happened to a report, in plain words. */
export interface ProgressNotice {
  caseId: string;
  text: string;
  /** The resident is asked to do something (rate a finished case). */
  needsAction: boolean;
  updatedAt: string;
}

/**
 * 通知 for the 长辈模式 home: the resident's latest reports, most recently changed first, each said
 * as a sentence ("「道路破损」已办结，请评价") rather than a coloured chip. Pure.
 */
export function progressNotices(items: readonly MpCaseItemVO[], limit = 3): ProgressNotice[] {
  return [...items]
    .sort((a, b) => Date.parse(b.updatedAt) - Date.parse(a.updatedAt))
    .slice(0, limit)
    .map((item) => {
      const needsAction = item.status === 'resolved' && !item.rated;
      const what = `您上报的「${item.categoryName}」`;
      return {
        caseId: item.id,
        needsAction,
        updatedAt: item.updatedAt,
        text: needsAction ? `${what}已办结，请评价办理结果` : `${what}${caseStatusLabels[item.status]}`,
      };
    });
}
