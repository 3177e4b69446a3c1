/** Page paths of the case feature (issue #5), next to utils/routes.ts which holds the older ones. */
export const caseRoutes = {
  report: '/resident/pages/report/index',
  myCases: '/resident/pages/cases/index',
  caseDetail: '/resident/pages/case/index',
  gridCaseTasks: '/grid/pages/case-tasks/index',
  gridCaseTask: '/grid/pages/case-task/index',
} as const;

/** `/resident/pages/case/index?id=…` */
export const caseDetailUrl = (id: string): string => `${caseRoutes.caseDetail}?id=${encodeURIComponent(id)}`;
export const caseTaskUrl = (id: string): string => `${caseRoutes.gridCaseTask}?id=${encodeURIComponent(id)}`;
