export { JobRunner } from './job-runner';
export { JobScheduler } from './job-scheduler';
export type { JobDefinition, JobLogger } from './job-scheduler';
