import type { RouteSpec } from './define';
import { caseConfigRoutes } from './case/case-config';
import { dashboardRoutes } from './dashboard';
import { caseAdminRoutes } from './case/case-admin';
import { caseSavedViewRoutes } from './case/case-saved-views';
import { mpCaseRoutes, mpTaskRoutes } from './case/case-mp';
import { regionRoutes } from './region';
import { tagRoutes } from './registry/tags';
import { auditRoutes } from './audit/audit';
import { roleRoutes, userRoutes } from './users/users';
import { casePublicationRoutes, open311KeyRoutes } from './open311/open311-admin';
import { open311Routes } from './open311/georeport';
import { businessRoutes } from './registry/businesses';
import { visitRoutes } from './registry/visits';
import { householdRoutes } from './registry/households';
import { personRoutes } from './registry/persons';
import { transferRoutes } from './registry/transfer';
import { buildingRoutes, estateRoutes, houseRoutes } from './registry/places';
import { mpAuthRoutes, mpMeRoutes, residentRoutes } from './mp-user';
import { bindingAdminRoutes, bindingMpRoutes } from './binding';
import { healthRoutes } from './health';
import { fileRoutes } from './file';
import { mpGridRoutes } from './mp-grid';
import { govCallbackRoutes, wechatCallbackRoutes } from './callbacks';
import { staffAuthRoutes, staffSecurityRoutes } from './auth';
import {
  mpPartyArchiveRoutes,
  mpPartyHomeRoutes,
  mpPartyMeetingListRoutes,
  mpPartyMeetingRoutes,
  mpPartyNoticeRoutes,
  mpPartyRecordRoutes,
  partyAdmissionRoutes,
  partyArchiveRoutes,
  partyMeetingRoutes,
  partyMemberRoutes,
  partyNoticeRoutes,
  partyOrgRoutes,
  partyRecordRoutes,
} from './party';
import { examBankRoutes, examRoutes, mpExamRoutes } from './exam';
import { appraisalRoutes, mpConsultationRoutes, mpSurveyRoutes, surveyRoutes } from './survey';
import { mpStudyRoutes, studyPointsRoutes } from './study/points';
import { studyCourseRoutes } from './study/courses';
import { mpStudyCourseRoutes } from './study/mp-courses';
import { studyAnalysisRoutes } from './study/analysis';
import { duesPayAdminRoutes, mpDuesPayRoutes, wechatPayCallbackRoutes } from './dues/pay';
import { duesBillRoutes } from './dues/bills';
import { mpDuesRoutes } from './dues/mp';
import { duesReconciliationRoutes, duesRefundCallbackRoutes, duesRefundRoutes } from './dues/refunds';
import { duesReportRoutes } from './dues/reports';
import { duesSpendingRoutes } from './dues/spending';

/**
 * Every route, grouped by feature. A new feature adds its group here (one line); the BFF checks at
 * start that each group's routes have a handler and every handler a route.
 */
export const contract = {
  tags: tagRoutes,
  audit: auditRoutes,
  users: userRoutes,
  roles: roleRoutes,
  casePublication: casePublicationRoutes,
  open311Keys: open311KeyRoutes,
  open311: open311Routes,
  caseConfig: caseConfigRoutes,
  dashboard: dashboardRoutes,
  cases: caseAdminRoutes,
  caseViews: caseSavedViewRoutes,
  mpCases: mpCaseRoutes,
  mpTasks: mpTaskRoutes,
  regions: regionRoutes,
  businesses: businessRoutes,
  visits: visitRoutes,
  households: householdRoutes,
  persons: personRoutes,
  registryTransfer: transferRoutes,
  estates: estateRoutes,
  buildings: buildingRoutes,
  houses: houseRoutes,
  mpAuth: mpAuthRoutes,
  mpMe: mpMeRoutes,
  residents: residentRoutes,
  bindingsAdmin: bindingAdminRoutes,
  bindingsMp: bindingMpRoutes,
  health: healthRoutes,
  files: fileRoutes,
  mpGrid: mpGridRoutes,
  govCallbacks: govCallbackRoutes,
  wechatCallbacks: wechatCallbackRoutes,
  staffAuth: staffAuthRoutes,
  staffSecurity: staffSecurityRoutes,
  partyOrgs: partyOrgRoutes,
  partyMembers: partyMemberRoutes,
  partyAdmissions: partyAdmissionRoutes,
  partyMeetings: partyMeetingRoutes,
  mpPartyMeetings: mpPartyMeetingRoutes,
  mpPartyHome: mpPartyHomeRoutes,
  mpPartyMyMeetings: mpPartyMeetingListRoutes,
  partyNotices: partyNoticeRoutes,
  mpPartyNotices: mpPartyNoticeRoutes,
  partyArchive: partyArchiveRoutes,
  mpPartyArchive: mpPartyArchiveRoutes,
  partyRecords: partyRecordRoutes,
  mpPartyRecords: mpPartyRecordRoutes,
  examBank: examBankRoutes,
  exams: examRoutes,
  mpExams: mpExamRoutes,
  surveys: surveyRoutes,
  appraisals: appraisalRoutes,
  mpSurveys: mpSurveyRoutes,
  mpConsultations: mpConsultationRoutes,
  mpStudy: mpStudyRoutes,
  studyPoints: studyPointsRoutes,
  studyCourses: studyCourseRoutes,
  mpStudyCourses: mpStudyCourseRoutes,
  studyAnalysis: studyAnalysisRoutes,
  mpDuesPay: mpDuesPayRoutes,
  wechatPayCallbacks: wechatPayCallbackRoutes,
  duesPayAdmin: duesPayAdminRoutes,
  duesBills: duesBillRoutes,
  mpDues: mpDuesRoutes,
  duesReports: duesReportRoutes,
  duesSpending: duesSpendingRoutes,
  duesRefunds: duesRefundRoutes,
  duesReconciliations: duesReconciliationRoutes,
  duesRefundCallbacks: duesRefundCallbackRoutes,
};

/** All routes as a flat list (docs, the start-up check, the bad-input walk). */
export function allRoutes(table: Record<string, Record<string, RouteSpec>> = contract): RouteSpec[] {
  return Object.values(table).flatMap((group) => Object.values(group));
}
