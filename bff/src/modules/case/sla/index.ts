export { SlaWatcher, SLA_ACTOR_NAME, AUTO_ESCALATE_REASON, SLA_BATCH_SIZE } from './sla-watcher';
export type { SlaTickResult } from './sla-watcher';
