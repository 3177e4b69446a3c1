/**
 * Everything of @zhili/shared that is plain TypeScript — domain rules, labels, limits, the error
 * envelope — and loads no zod at run time. Both entries re-export it: `@zhili/shared` (with the
 * contract's schemas) and `@zhili/shared/client` (without them).
 */
export * from './api/errors';
export * from './api/envelope';
export * from './domain/roles';
export * from './domain/limits';
export * from './domain/id-number';
export * from './domain/phone';
export * from './domain/masking';
export * from './domain/permissions';
export * from './domain/password-policy';
export * from './domain/credit-code';
export * from './domain/registry';
export * from './api/registry';
// <exports: geo>
export * from './domain/geo';
// <exports: case>
export * from './domain/case';
export * from './domain/case-sla';
export * from './api/case-dispatch';
export * from './domain/work-calendar';
export * from './domain/audit-actions';
export * from './domain/natural-sort';
// <exports: party>
export * from './domain/party-admission';
export * from './domain/party-dates';
export * from './domain/party-org';
export * from './domain/party-member';
export * from './domain/party-meetings';
export * from './domain/party-archive';
export * from './domain/party-records';
export * from './domain/party-dues';
export * from './domain/dues-bills';
export * from './domain/dues-reconcile';
export * from './domain/dues-report';
// <exports: study>
export * from './domain/study-progress';
export * from './domain/study-points';
export * from './domain/study-courses';
export * from './domain/study-analysis';
export * from './domain/exam-rules';
export * from './domain/exam-bank';
export * from './domain/appraisal-score';
export * from './domain/survey-rules';
