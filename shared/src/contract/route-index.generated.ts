// Generated from the contract table (table.ts) by `npm run gen:routes`: do not edit by hand.
// route-index.test.ts fails when this index and the table disagree.
//
// Method, path and list flag of every route, without schemas (no zod at run time): what the
// mini-program needs to call the BFF. The specs come in as types only.
import type { contract } from './table';
import type { RouteGroupRefs } from './route-ref';

type Table = typeof contract;

export const tags: RouteGroupRefs<Table['tags']> = {
  list: { method: 'GET', path: '/api/admin/tags' },
  create: { method: 'POST', path: '/api/admin/tags' },
  update: { method: 'PATCH', path: '/api/admin/tags/:code' },
  remove: { method: 'DELETE', path: '/api/admin/tags/:code' },
};

export const audit: RouteGroupRefs<Table['audit']> = {
  list: { method: 'GET', path: '/api/admin/audit', list: true },
  verify: { method: 'GET', path: '/api/admin/audit/verify' },
};

export const users: RouteGroupRefs<Table['users']> = {
  list: { method: 'GET', path: '/api/admin/users', list: true },
  create: { method: 'POST', path: '/api/admin/users' },
  get: { method: 'GET', path: '/api/admin/users/:id' },
  update: { method: 'PATCH', path: '/api/admin/users/:id' },
  disable: { method: 'POST', path: '/api/admin/users/:id/disable' },
  enable: { method: 'POST', path: '/api/admin/users/:id/enable' },
  resetPassword: { method: 'POST', path: '/api/admin/users/:id/reset-password' },
  pii: { method: 'GET', path: '/api/admin/users/:id/pii' },
};

export const roles: RouteGroupRefs<Table['roles']> = {
  list: { method: 'GET', path: '/api/admin/roles' },
};

export const casePublication: RouteGroupRefs<Table['casePublication']> = {
  get: { method: 'GET', path: '/api/admin/cases/:id/publication' },
  update: { method: 'PUT', path: '/api/admin/cases/:id/publication' },
};

export const open311Keys: RouteGroupRefs<Table['open311Keys']> = {
  list: { method: 'GET', path: '/api/admin/open311/keys' },
  issue: { method: 'POST', path: '/api/admin/open311/keys' },
  revoke: { method: 'DELETE', path: '/api/admin/open311/keys/:id' },
};

export const open311: RouteGroupRefs<Table['open311']> = {
  discovery: { method: 'GET', path: '/open311/v2/discovery.:format' },
  services: { method: 'GET', path: '/open311/v2/services.:format' },
  serviceDefinition: { method: 'GET', path: '/open311/v2/services/:code.:format' },
  requests: { method: 'GET', path: '/open311/v2/requests.:format' },
  postRequest: { method: 'POST', path: '/open311/v2/requests.:format' },
  request: { method: 'GET', path: '/open311/v2/requests/:id.:format' },
  token: { method: 'GET', path: '/open311/v2/tokens/:token.:format' },
};

export const caseConfig: RouteGroupRefs<Table['caseConfig']> = {
  listCategories: { method: 'GET', path: '/api/admin/case-categories' },
  createCategory: { method: 'POST', path: '/api/admin/case-categories' },
  updateCategory: { method: 'PATCH', path: '/api/admin/case-categories/:code' },
  listHolidays: { method: 'GET', path: '/api/admin/holidays' },
  replaceHolidays: { method: 'PUT', path: '/api/admin/holidays/:year' },
};

export const dashboard: RouteGroupRefs<Table['dashboard']> = {
  get: { method: 'GET', path: '/api/admin/dashboard' },
};

export const cases: RouteGroupRefs<Table['cases']> = {
  list: { method: 'GET', path: '/api/admin/cases', list: true },
  map: { method: 'GET', path: '/api/admin/cases/map' },
  stats: { method: 'GET', path: '/api/admin/cases/stats' },
  create: { method: 'POST', path: '/api/admin/cases' },
  batchDispatch: { method: 'POST', path: '/api/admin/cases/batch-dispatch' },
  detail: { method: 'GET', path: '/api/admin/cases/:id' },
  pii: { method: 'GET', path: '/api/admin/cases/:id/pii' },
  assignees: { method: 'GET', path: '/api/admin/cases/:id/assignees' },
  dispatchCandidates: { method: 'GET', path: '/api/admin/cases/:id/dispatch-candidates' },
  relocate: { method: 'POST', path: '/api/admin/cases/:id/location' },
  act: { method: 'POST', path: '/api/admin/cases/:id/actions' },
  note: { method: 'POST', path: '/api/admin/cases/:id/notes' },
};

export const caseViews: RouteGroupRefs<Table['caseViews']> = {
  list: { method: 'GET', path: '/api/admin/case-views' },
  create: { method: 'POST', path: '/api/admin/case-views' },
  remove: { method: 'DELETE', path: '/api/admin/case-views/:id' },
};

export const mpCases: RouteGroupRefs<Table['mpCases']> = {
  categories: { method: 'GET', path: '/api/mp/case-categories' },
  templates: { method: 'GET', path: '/api/mp/cases/subscribe-templates' },
  nearby: { method: 'GET', path: '/api/mp/cases/nearby' },
  submit: { method: 'POST', path: '/api/mp/cases' },
  list: { method: 'GET', path: '/api/mp/cases', list: true },
  detail: { method: 'GET', path: '/api/mp/cases/:id' },
  follow: { method: 'POST', path: '/api/mp/cases/:id/follow' },
  unfollow: { method: 'DELETE', path: '/api/mp/cases/:id/follow' },
  rate: { method: 'POST', path: '/api/mp/cases/:id/rate' },
  dispute: { method: 'POST', path: '/api/mp/cases/:id/dispute' },
  subscribe: { method: 'POST', path: '/api/mp/cases/:id/subscriptions' },
};

export const mpTasks: RouteGroupRefs<Table['mpTasks']> = {
  list: { method: 'GET', path: '/api/mp/grid/tasks', list: true },
  detail: { method: 'GET', path: '/api/mp/grid/tasks/:id' },
  act: { method: 'POST', path: '/api/mp/grid/tasks/:id/actions' },
  note: { method: 'POST', path: '/api/mp/grid/tasks/:id/notes' },
};

export const regions: RouteGroupRefs<Table['regions']> = {
  list: { method: 'GET', path: '/api/admin/regions' },
  create: { method: 'POST', path: '/api/admin/regions' },
  geojson: { method: 'GET', path: '/api/admin/regions/geojson' },
  exportGeojson: { method: 'GET', path: '/api/admin/regions/export.geojson' },
  import: { method: 'POST', path: '/api/admin/regions/import' },
  resolve: { method: 'GET', path: '/api/admin/regions/resolve' },
  get: { method: 'GET', path: '/api/admin/regions/:id' },
  overview: { method: 'GET', path: '/api/admin/regions/:id/overview' },
  update: { method: 'PATCH', path: '/api/admin/regions/:id' },
  remove: { method: 'DELETE', path: '/api/admin/regions/:id' },
};

export const businesses: RouteGroupRefs<Table['businesses']> = {
  list: { method: 'GET', path: '/api/admin/businesses', list: true },
  create: { method: 'POST', path: '/api/admin/businesses' },
  get: { method: 'GET', path: '/api/admin/businesses/:id' },
  update: { method: 'PATCH', path: '/api/admin/businesses/:id' },
  remove: { method: 'DELETE', path: '/api/admin/businesses/:id' },
  pii: { method: 'GET', path: '/api/admin/businesses/:id/pii' },
};

export const visits: RouteGroupRefs<Table['visits']> = {
  list: { method: 'GET', path: '/api/admin/visits', list: true },
  due: { method: 'GET', path: '/api/admin/visits/due', list: true },
  create: { method: 'POST', path: '/api/admin/visits' },
};

export const households: RouteGroupRefs<Table['households']> = {
  list: { method: 'GET', path: '/api/admin/households', list: true },
  create: { method: 'POST', path: '/api/admin/households' },
  get: { method: 'GET', path: '/api/admin/households/:id' },
  update: { method: 'PATCH', path: '/api/admin/households/:id' },
  remove: { method: 'DELETE', path: '/api/admin/households/:id' },
  addMember: { method: 'POST', path: '/api/admin/households/:id/members' },
  removeMember: { method: 'DELETE', path: '/api/admin/households/:id/members/:personId' },
};

export const persons: RouteGroupRefs<Table['persons']> = {
  list: { method: 'GET', path: '/api/admin/persons', list: true },
  create: { method: 'POST', path: '/api/admin/persons' },
  get: { method: 'GET', path: '/api/admin/persons/:id' },
  update: { method: 'PATCH', path: '/api/admin/persons/:id' },
  remove: { method: 'DELETE', path: '/api/admin/persons/:id' },
  pii: { method: 'GET', path: '/api/admin/persons/:id/pii' },
  setTags: { method: 'PUT', path: '/api/admin/persons/:id/tags' },
};

export const registryTransfer: RouteGroupRefs<Table['registryTransfer']> = {
  template: { method: 'GET', path: '/api/admin/registry/imports/template' },
  startImport: { method: 'POST', path: '/api/admin/registry/imports' },
  job: { method: 'GET', path: '/api/admin/registry/imports/:id' },
  exportPersons: { method: 'GET', path: '/api/admin/registry/exports/persons' },
  exportHouseholds: { method: 'GET', path: '/api/admin/registry/exports/households' },
};

export const estates: RouteGroupRefs<Table['estates']> = {
  list: { method: 'GET', path: '/api/admin/estates', list: true },
  create: { method: 'POST', path: '/api/admin/estates' },
  get: { method: 'GET', path: '/api/admin/estates/:id' },
  update: { method: 'PATCH', path: '/api/admin/estates/:id' },
  remove: { method: 'DELETE', path: '/api/admin/estates/:id' },
};

export const buildings: RouteGroupRefs<Table['buildings']> = {
  list: { method: 'GET', path: '/api/admin/buildings', list: true },
  create: { method: 'POST', path: '/api/admin/buildings' },
  get: { method: 'GET', path: '/api/admin/buildings/:id' },
  update: { method: 'PATCH', path: '/api/admin/buildings/:id' },
  remove: { method: 'DELETE', path: '/api/admin/buildings/:id' },
  units: { method: 'GET', path: '/api/admin/buildings/:id/units' },
  createUnit: { method: 'POST', path: '/api/admin/buildings/:id/units' },
  removeUnit: { method: 'DELETE', path: '/api/admin/units/:id' },
};

export const houses: RouteGroupRefs<Table['houses']> = {
  list: { method: 'GET', path: '/api/admin/houses', list: true },
  create: { method: 'POST', path: '/api/admin/houses' },
  get: { method: 'GET', path: '/api/admin/houses/:id' },
  update: { method: 'PATCH', path: '/api/admin/houses/:id' },
  remove: { method: 'DELETE', path: '/api/admin/houses/:id' },
  addResident: { method: 'POST', path: '/api/admin/houses/:id/residents' },
  removeResident: { method: 'DELETE', path: '/api/admin/houses/:id/residents/:personId' },
};

export const mpAuth: RouteGroupRefs<Table['mpAuth']> = {
  login: { method: 'POST', path: '/api/mp/auth/login' },
  refresh: { method: 'POST', path: '/api/mp/auth/refresh' },
};

export const mpMe: RouteGroupRefs<Table['mpMe']> = {
  me: { method: 'GET', path: '/api/mp/me' },
  update: { method: 'PATCH', path: '/api/mp/me' },
  bindPhone: { method: 'POST', path: '/api/mp/me/phone' },
};

export const residents: RouteGroupRefs<Table['residents']> = {
  get: { method: 'GET', path: '/api/admin/residents/:id' },
  pii: { method: 'GET', path: '/api/admin/residents/:id/pii' },
};

export const bindingsAdmin: RouteGroupRefs<Table['bindingsAdmin']> = {
  issue: { method: 'POST', path: '/api/admin/bindings' },
  list: { method: 'GET', path: '/api/admin/bindings', list: true },
};

export const bindingsMp: RouteGroupRefs<Table['bindingsMp']> = {
  redeem: { method: 'POST', path: '/api/mp/bindings/redeem' },
};

export const health: RouteGroupRefs<Table['health']> = {
  get: { method: 'GET', path: '/api/health' },
};

export const files: RouteGroupRefs<Table['files']> = {
  adminUpload: { method: 'POST', path: '/api/admin/files' },
  mpUpload: { method: 'POST', path: '/api/mp/files' },
  get: { method: 'GET', path: '/api/files/:id' },
};

export const mpGrid: RouteGroupRefs<Table['mpGrid']> = {
  overview: { method: 'GET', path: '/api/mp/grid/overview' },
  households: { method: 'GET', path: '/api/mp/grid/households', list: true },
  household: { method: 'GET', path: '/api/mp/grid/households/:id' },
  persons: { method: 'GET', path: '/api/mp/grid/persons', list: true },
  person: { method: 'GET', path: '/api/mp/grid/persons/:id' },
  visitsDue: { method: 'GET', path: '/api/mp/grid/visits/due', list: true },
  recordVisit: { method: 'POST', path: '/api/mp/grid/visits' },
};

export const govCallbacks: RouteGroupRefs<Table['govCallbacks']> = {
  hotline: { method: 'POST', path: '/api/callbacks/gov/hotline12345' },
  city: { method: 'POST', path: '/api/callbacks/gov/city' },
};

export const wechatCallbacks: RouteGroupRefs<Table['wechatCallbacks']> = {
  verify: { method: 'GET', path: '/api/callbacks/wechat' },
  receive: { method: 'POST', path: '/api/callbacks/wechat' },
};

export const staffAuth: RouteGroupRefs<Table['staffAuth']> = {
  captcha: { method: 'GET', path: '/api/admin/auth/captcha' },
  login: { method: 'POST', path: '/api/admin/auth/login' },
  mfa: { method: 'POST', path: '/api/admin/auth/mfa' },
  refresh: { method: 'POST', path: '/api/admin/auth/refresh' },
  me: { method: 'GET', path: '/api/admin/me' },
};

export const staffSecurity: RouteGroupRefs<Table['staffSecurity']> = {
  changePassword: { method: 'POST', path: '/api/admin/auth/password' },
  beginMfaSetup: { method: 'GET', path: '/api/admin/auth/mfa/setup' },
  confirmMfaSetup: { method: 'POST', path: '/api/admin/auth/mfa/setup' },
  disableMfa: { method: 'DELETE', path: '/api/admin/auth/mfa' },
  logout: { method: 'POST', path: '/api/admin/auth/logout' },
  logoutAll: { method: 'POST', path: '/api/admin/auth/logout-all' },
};

export const partyOrgs: RouteGroupRefs<Table['partyOrgs']> = {
  tree: { method: 'GET', path: '/api/admin/party/orgs' },
  get: { method: 'GET', path: '/api/admin/party/orgs/:id' },
  create: { method: 'POST', path: '/api/admin/party/orgs' },
  update: { method: 'PATCH', path: '/api/admin/party/orgs/:id' },
  term: { method: 'POST', path: '/api/admin/party/orgs/:id/terms' },
  merge: { method: 'POST', path: '/api/admin/party/orgs/:id/merge' },
  dissolve: { method: 'POST', path: '/api/admin/party/orgs/:id/dissolve' },
  assignStaff: { method: 'POST', path: '/api/admin/party/orgs/:id/staff' },
  removeStaff: { method: 'DELETE', path: '/api/admin/party/orgs/:id/staff/:staffUserId' },
};

export const partyMembers: RouteGroupRefs<Table['partyMembers']> = {
  list: { method: 'GET', path: '/api/admin/party/members', list: true },
  get: { method: 'GET', path: '/api/admin/party/members/:id' },
  create: { method: 'POST', path: '/api/admin/party/members' },
  update: { method: 'PATCH', path: '/api/admin/party/members/:id' },
  act: { method: 'POST', path: '/api/admin/party/members/:id/events' },
  pii: { method: 'GET', path: '/api/admin/party/members/:id/pii' },
  persons: { method: 'GET', path: '/api/admin/party/persons' },
};

export const partyAdmissions: RouteGroupRefs<Table['partyAdmissions']> = {
  list: { method: 'GET', path: '/api/admin/party/admissions', list: true },
  summary: { method: 'GET', path: '/api/admin/party/admissions/summary' },
  get: { method: 'GET', path: '/api/admin/party/admissions/:id' },
  create: { method: 'POST', path: '/api/admin/party/admissions' },
  act: { method: 'POST', path: '/api/admin/party/admissions/:id/steps' },
  upload: { method: 'POST', path: '/api/admin/party/files' },
};

export const partyMeetings: RouteGroupRefs<Table['partyMeetings']> = {
  list: { method: 'GET', path: '/api/admin/party/meetings', list: true },
  compliance: { method: 'GET', path: '/api/admin/party/meetings/compliance' },
  get: { method: 'GET', path: '/api/admin/party/meetings/:id' },
  create: { method: 'POST', path: '/api/admin/party/meetings' },
  update: { method: 'PUT', path: '/api/admin/party/meetings/:id' },
  checkInToken: { method: 'POST', path: '/api/admin/party/meetings/:id/check-in-token' },
  decideLeave: { method: 'POST', path: '/api/admin/party/meetings/:id/leave/:memberId' },
  linkAccount: { method: 'PUT', path: '/api/admin/party/members/:id/mp-account' },
};

export const mpPartyMeetings: RouteGroupRefs<Table['mpPartyMeetings']> = {
  checkIn: { method: 'POST', path: '/api/mp/party/meetings/:id/check-in' },
  requestLeave: { method: 'POST', path: '/api/mp/party/meetings/:id/leave' },
};

export const mpPartyHome: RouteGroupRefs<Table['mpPartyHome']> = {
  me: { method: 'GET', path: '/api/mp/party/me' },
};

export const mpPartyMyMeetings: RouteGroupRefs<Table['mpPartyMyMeetings']> = {
  list: { method: 'GET', path: '/api/mp/party/meetings' },
  get: { method: 'GET', path: '/api/mp/party/meetings/:id' },
};

export const partyNotices: RouteGroupRefs<Table['partyNotices']> = {
  list: { method: 'GET', path: '/api/admin/party/notices', list: true },
  create: { method: 'POST', path: '/api/admin/party/notices' },
  update: { method: 'PUT', path: '/api/admin/party/notices/:id' },
  publish: { method: 'POST', path: '/api/admin/party/notices/:id/publish' },
  withdraw: { method: 'POST', path: '/api/admin/party/notices/:id/withdraw' },
  pin: { method: 'PUT', path: '/api/admin/party/notices/:id/pinned' },
};

export const mpPartyNotices: RouteGroupRefs<Table['mpPartyNotices']> = {
  list: { method: 'GET', path: '/api/mp/party/notices', list: true },
  unread: { method: 'GET', path: '/api/mp/party/notices/unread-count' },
  get: { method: 'GET', path: '/api/mp/party/notices/:id' },
};

export const partyArchive: RouteGroupRefs<Table['partyArchive']> = {
  importTemplate: { method: 'GET', path: '/api/admin/party/archive/imports/template' },
  startImport: { method: 'POST', path: '/api/admin/party/archive/imports' },
  importJob: { method: 'GET', path: '/api/admin/party/archive/imports/:id' },
  exportMembers: { method: 'GET', path: '/api/admin/party/archive/members.xlsx' },
  report: { method: 'GET', path: '/api/admin/party/archive/report' },
  reportXlsx: { method: 'GET', path: '/api/admin/party/archive/report.xlsx' },
  documents: { method: 'GET', path: '/api/admin/party/documents', list: true },
  createDocument: { method: 'POST', path: '/api/admin/party/documents' },
  updateDocument: { method: 'PATCH', path: '/api/admin/party/documents/:id' },
  deleteDocument: { method: 'DELETE', path: '/api/admin/party/documents/:id' },
  contacts: { method: 'GET', path: '/api/admin/party/contacts', list: true },
};

export const mpPartyArchive: RouteGroupRefs<Table['mpPartyArchive']> = {
  contacts: { method: 'GET', path: '/api/mp/party/contacts', list: true },
};

export const partyRecords: RouteGroupRefs<Table['partyRecords']> = {
  honours: { method: 'GET', path: '/api/admin/party/honours', list: true },
  createHonour: { method: 'POST', path: '/api/admin/party/honours' },
  updateHonour: { method: 'PUT', path: '/api/admin/party/honours/:id' },
  submitHonour: { method: 'POST', path: '/api/admin/party/honours/:id/submit' },
  reviewHonour: { method: 'POST', path: '/api/admin/party/honours/:id/review' },
  publishHonour: { method: 'POST', path: '/api/admin/party/honours/:id/publish' },
  plans: { method: 'GET', path: '/api/admin/party/plans', list: true },
  createPlan: { method: 'POST', path: '/api/admin/party/plans' },
  updatePlan: { method: 'PUT', path: '/api/admin/party/plans/:id' },
  deletePlan: { method: 'DELETE', path: '/api/admin/party/plans/:id' },
  pledges: { method: 'GET', path: '/api/admin/party/pledges', list: true },
  createPledge: { method: 'POST', path: '/api/admin/party/pledges' },
  updatePledge: { method: 'PUT', path: '/api/admin/party/pledges/:id' },
  fulfilPledge: { method: 'PUT', path: '/api/admin/party/pledges/:id/fulfilment' },
  appraisals: { method: 'GET', path: '/api/admin/party/appraisals', list: true },
  createAppraisal: { method: 'POST', path: '/api/admin/party/appraisals' },
  updateAppraisal: { method: 'PUT', path: '/api/admin/party/appraisals/:id' },
  publishAppraisal: { method: 'POST', path: '/api/admin/party/appraisals/:id/publish' },
};

export const mpPartyRecords: RouteGroupRefs<Table['mpPartyRecords']> = {
  honours: { method: 'GET', path: '/api/mp/party/honours', list: true },
  appraisals: { method: 'GET', path: '/api/mp/party/appraisals' },
};

export const examBank: RouteGroupRefs<Table['examBank']> = {
  questions: { method: 'GET', path: '/api/admin/exam/questions', list: true },
  categories: { method: 'GET', path: '/api/admin/exam/categories' },
  question: { method: 'GET', path: '/api/admin/exam/questions/:id' },
  createQuestion: { method: 'POST', path: '/api/admin/exam/questions' },
  updateQuestion: { method: 'PUT', path: '/api/admin/exam/questions/:id' },
  deleteQuestion: { method: 'DELETE', path: '/api/admin/exam/questions/:id' },
  importTemplate: { method: 'GET', path: '/api/admin/exam/import-template' },
  startImport: { method: 'POST', path: '/api/admin/exam/imports' },
  importJob: { method: 'GET', path: '/api/admin/exam/imports/:id' },
};

export const exams: RouteGroupRefs<Table['exams']> = {
  list: { method: 'GET', path: '/api/admin/exam/exams', list: true },
  get: { method: 'GET', path: '/api/admin/exam/exams/:id' },
  create: { method: 'POST', path: '/api/admin/exam/exams' },
  update: { method: 'PUT', path: '/api/admin/exam/exams/:id' },
  publish: { method: 'POST', path: '/api/admin/exam/exams/:id/publish' },
  remove: { method: 'DELETE', path: '/api/admin/exam/exams/:id' },
  results: { method: 'GET', path: '/api/admin/exam/exams/:id/results', list: true },
  analysis: { method: 'GET', path: '/api/admin/exam/exams/:id/analysis' },
  exportResults: { method: 'GET', path: '/api/admin/exam/exams/:id/results.xlsx' },
};

export const mpExams: RouteGroupRefs<Table['mpExams']> = {
  list: { method: 'GET', path: '/api/mp/exams' },
  get: { method: 'GET', path: '/api/mp/exams/:id' },
  start: { method: 'POST', path: '/api/mp/exams/:id/attempts' },
  saveAnswer: { method: 'PUT', path: '/api/mp/exams/attempts/:id/answers' },
  submit: { method: 'POST', path: '/api/mp/exams/attempts/:id/submit' },
  result: { method: 'GET', path: '/api/mp/exams/attempts/:id' },
  practiceCategories: { method: 'GET', path: '/api/mp/exams/practice/categories' },
  practice: { method: 'GET', path: '/api/mp/exams/practice/questions' },
  practiceAnswer: { method: 'POST', path: '/api/mp/exams/practice/answers' },
  wrongBook: { method: 'GET', path: '/api/mp/exams/practice/wrong-book', list: true },
};

export const surveys: RouteGroupRefs<Table['surveys']> = {
  list: { method: 'GET', path: '/api/admin/surveys', list: true },
  targets: { method: 'GET', path: '/api/admin/surveys/targets' },
  create: { method: 'POST', path: '/api/admin/surveys' },
  get: { method: 'GET', path: '/api/admin/surveys/:id' },
  update: { method: 'PUT', path: '/api/admin/surveys/:id' },
  publish: { method: 'POST', path: '/api/admin/surveys/:id/publish' },
  close: { method: 'POST', path: '/api/admin/surveys/:id/close' },
  results: { method: 'GET', path: '/api/admin/surveys/:id/results' },
  exportResults: { method: 'GET', path: '/api/admin/surveys/:id/results.xlsx' },
};

export const appraisals: RouteGroupRefs<Table['appraisals']> = {
  list: { method: 'GET', path: '/api/admin/appraisals', list: true },
  create: { method: 'POST', path: '/api/admin/appraisals' },
  get: { method: 'GET', path: '/api/admin/appraisals/:id' },
  close: { method: 'POST', path: '/api/admin/appraisals/:id/close' },
};

export const mpSurveys: RouteGroupRefs<Table['mpSurveys']> = {
  list: { method: 'GET', path: '/api/mp/surveys', list: true },
  get: { method: 'GET', path: '/api/mp/surveys/:id' },
  answer: { method: 'POST', path: '/api/mp/surveys/:id/responses' },
  appraisals: { method: 'GET', path: '/api/mp/appraisals' },
  appraisal: { method: 'GET', path: '/api/mp/appraisals/:id' },
  vote: { method: 'POST', path: '/api/mp/appraisals/:id/votes' },
};

export const mpConsultations: RouteGroupRefs<Table['mpConsultations']> = {
  list: { method: 'GET', path: '/api/mp/consultations', list: true },
  get: { method: 'GET', path: '/api/mp/consultations/:id' },
  answer: { method: 'POST', path: '/api/mp/consultations/:id/responses' },
};

export const mpStudy: RouteGroupRefs<Table['mpStudy']> = {
  lessonProgress: { method: 'GET', path: '/api/mp/study/lessons/:id/progress' },
  heartbeat: { method: 'POST', path: '/api/mp/study/lessons/:id/heartbeat' },
  me: { method: 'GET', path: '/api/mp/study/me' },
  points: { method: 'GET', path: '/api/mp/study/points', list: true },
  ranking: { method: 'GET', path: '/api/mp/study/ranking' },
};

export const studyPoints: RouteGroupRefs<Table['studyPoints']> = {
  rules: { method: 'GET', path: '/api/admin/study/points-rules' },
  saveRules: { method: 'PUT', path: '/api/admin/study/points-rules' },
  ranking: { method: 'GET', path: '/api/admin/study/ranking', list: true },
};

export const studyCourses: RouteGroupRefs<Table['studyCourses']> = {
  columns: { method: 'GET', path: '/api/admin/study/columns', list: true },
  createColumn: { method: 'POST', path: '/api/admin/study/columns' },
  updateColumn: { method: 'PUT', path: '/api/admin/study/columns/:id' },
  removeColumn: { method: 'DELETE', path: '/api/admin/study/columns/:id' },
  list: { method: 'GET', path: '/api/admin/study/courses', list: true },
  get: { method: 'GET', path: '/api/admin/study/courses/:id' },
  create: { method: 'POST', path: '/api/admin/study/courses' },
  update: { method: 'PUT', path: '/api/admin/study/courses/:id' },
  publish: { method: 'POST', path: '/api/admin/study/courses/:id/publish' },
  close: { method: 'POST', path: '/api/admin/study/courses/:id/close' },
  remove: { method: 'DELETE', path: '/api/admin/study/courses/:id' },
  addLesson: { method: 'POST', path: '/api/admin/study/courses/:id/lessons' },
  updateLesson: { method: 'PUT', path: '/api/admin/study/courses/:id/lessons/:lessonId' },
  removeLesson: { method: 'DELETE', path: '/api/admin/study/courses/:id/lessons/:lessonId' },
  reorderLessons: { method: 'PUT', path: '/api/admin/study/courses/:id/lesson-order' },
  upload: { method: 'POST', path: '/api/admin/study/files' },
  enrolments: { method: 'GET', path: '/api/admin/study/enrolments', list: true },
  approveEnrolment: { method: 'POST', path: '/api/admin/study/enrolments/:id/approve' },
  rejectEnrolment: { method: 'POST', path: '/api/admin/study/enrolments/:id/reject' },
};

export const mpStudyCourses: RouteGroupRefs<Table['mpStudyCourses']> = {
  home: { method: 'GET', path: '/api/mp/study/home' },
  course: { method: 'GET', path: '/api/mp/study/courses/:id' },
  enrol: { method: 'POST', path: '/api/mp/study/courses/:id/enrolment' },
  lesson: { method: 'GET', path: '/api/mp/study/lessons/:id' },
};

export const studyAnalysis: RouteGroupRefs<Table['studyAnalysis']> = {
  courses: { method: 'GET', path: '/api/admin/study/analysis/courses', list: true },
  courseMembers: { method: 'GET', path: '/api/admin/study/analysis/courses/:id/members', list: true },
  member: { method: 'GET', path: '/api/admin/study/analysis/members/:id' },
  laggards: { method: 'GET', path: '/api/admin/study/analysis/laggards', list: true },
  reminderStatus: { method: 'GET', path: '/api/admin/study/analysis/reminders/status' },
  sendReminders: { method: 'POST', path: '/api/admin/study/analysis/reminders' },
  reportXlsx: { method: 'GET', path: '/api/admin/study/analysis/report.xlsx' },
};

export const mpDuesPay: RouteGroupRefs<Table['mpDuesPay']> = {
  createOrder: { method: 'POST', path: '/api/mp/dues/orders' },
  order: { method: 'GET', path: '/api/mp/dues/orders/:outTradeNo' },
};

export const wechatPayCallbacks: RouteGroupRefs<Table['wechatPayCallbacks']> = {
  payment: { method: 'POST', path: '/api/callbacks/wechatpay/payment' },
};

export const duesPayAdmin: RouteGroupRefs<Table['duesPayAdmin']> = {
  orders: { method: 'GET', path: '/api/admin/dues/orders', list: true },
};

export const duesBills: RouteGroupRefs<Table['duesBills']> = {
  declarations: { method: 'GET', path: '/api/admin/dues/declarations', list: true },
  declare: { method: 'PUT', path: '/api/admin/dues/declarations/:memberId/:year' },
  bills: { method: 'GET', path: '/api/admin/dues/bills', list: true },
  generate: { method: 'POST', path: '/api/admin/dues/bills/generate' },
  special: { method: 'POST', path: '/api/admin/dues/bills/special' },
  cash: { method: 'POST', path: '/api/admin/dues/bills/:id/cash' },
  proxy: { method: 'POST', path: '/api/admin/dues/bills/:id/proxy' },
  waive: { method: 'POST', path: '/api/admin/dues/bills/:id/waive' },
  arrears: { method: 'GET', path: '/api/admin/dues/arrears', list: true },
  remind: { method: 'POST', path: '/api/admin/dues/arrears/:memberId/remind' },
};

export const mpDues: RouteGroupRefs<Table['mpDues']> = {
  me: { method: 'GET', path: '/api/mp/dues' },
  declare: { method: 'PUT', path: '/api/mp/dues/declaration' },
  voluntary: { method: 'POST', path: '/api/mp/dues/voluntary' },
  prepay: { method: 'POST', path: '/api/mp/dues/prepay' },
};

export const duesReports: RouteGroupRefs<Table['duesReports']> = {
  monthly: { method: 'GET', path: '/api/admin/dues/reports/monthly' },
  monthlyExport: { method: 'GET', path: '/api/admin/dues/reports/monthly/export' },
};

export const duesSpending: RouteGroupRefs<Table['duesSpending']> = {
  list: { method: 'GET', path: '/api/admin/dues/spending', list: true },
  summary: { method: 'GET', path: '/api/admin/dues/spending/summary' },
  create: { method: 'POST', path: '/api/admin/dues/spending' },
  update: { method: 'PUT', path: '/api/admin/dues/spending/:id' },
  remove: { method: 'DELETE', path: '/api/admin/dues/spending/:id' },
  export: { method: 'GET', path: '/api/admin/dues/spending/export' },
};

export const duesRefunds: RouteGroupRefs<Table['duesRefunds']> = {
  create: { method: 'POST', path: '/api/admin/dues/orders/:outTradeNo/refunds' },
  list: { method: 'GET', path: '/api/admin/dues/refunds', list: true },
};

export const duesReconciliations: RouteGroupRefs<Table['duesReconciliations']> = {
  list: { method: 'GET', path: '/api/admin/dues/reconciliations', list: true },
  day: { method: 'GET', path: '/api/admin/dues/reconciliations/:date' },
  run: { method: 'POST', path: '/api/admin/dues/reconciliations' },
  resolve: { method: 'POST', path: '/api/admin/dues/reconciliations/:date/differences/:id/resolve' },
};

export const duesRefundCallbacks: RouteGroupRefs<Table['duesRefundCallbacks']> = {
  refund: { method: 'POST', path: '/api/callbacks/wechatpay/refund' },
};
