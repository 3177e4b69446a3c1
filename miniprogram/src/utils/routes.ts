/** Page paths, kept in one place so tiles, menus and tests agree. */
export const routes = {
  home: '/pages/home/index',
  mine: '/pages/mine/index',
  residentCases: '/resident/pages/cases/index',
  partyStudy: '/party/pages/study/index',
  gridTasks: '/grid/pages/tasks/index',
  gridHouseholds: '/grid/pages/households/index',
  gridHousehold: '/grid/pages/household/index',
  gridPersons: '/grid/pages/persons/index',
  gridPerson: '/grid/pages/person/index',
  gridVisitsDue: '/grid/pages/visits-due/index',
  gridVisitNew: '/grid/pages/visit-new/index',
} as const;

export interface ServiceEntry {
  key: 'cases' | 'study' | 'tasks';
  title: string;
  subtitle: string;
  /** Two-character badge drawn as the tile's icon (no image assets needed). */
  badge: string;
  url: string;
}

/** The role-based services, one per subpackage. */
export const serviceEntries: ServiceEntry[] = [
  { key: 'cases', title: '我的上报', subtitle: '问题上报记录', badge: '上报', url: routes.residentCases },
  { key: 'study', title: '党员学习', subtitle: '学习与积分', badge: '党建', url: routes.partyStudy },
  { key: 'tasks', title: '网格工作台', subtitle: '网格任务', badge: '网格', url: routes.gridTasks },
];
