/** Page paths, kept in one place so tiles, menus and tests agree. */
export const routes = {
  home: '/pages/home/index',
  mine: '/pages/mine/index',
  residentCases: '/resident/pages/cases/index',
  partyStudy: '/party/pages/study/index',
  partyHome: '/party/pages/home/index',
  partyNotices: '/party/pages/notices/index',
  partyNotice: '/party/pages/notice/index',
  partyMeetings: '/party/pages/meetings/index',
  /** Named by the meeting invitation push (`party/pages/meeting/index?id=…`): keep the path. */
  partyMeeting: '/party/pages/meeting/index',
  partyFile: '/party/pages/file/index',
  partyHonours: '/party/pages/honours/index',
  partyContacts: '/party/pages/contacts/index',
  gridTasks: '/grid/pages/tasks/index',
  gridHouseholds: '/grid/pages/households/index',
  gridHousehold: '/grid/pages/household/index',
  gridPersons: '/grid/pages/persons/index',
  gridPerson: '/grid/pages/person/index',
  gridVisitsDue: '/grid/pages/visits-due/index',
  gridVisitNew: '/grid/pages/visit-new/index',
} as const;
