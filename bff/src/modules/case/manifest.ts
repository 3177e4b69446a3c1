import type { ModuleManifest } from '../../core/modules/manifest';
import { caseEnv } from './case.config';
import { Cases1764000000000 } from '../../core/db/migrations/1764000000000-Cases';
import { CasePublication1764100200000 } from '../../core/db/migrations/1764100200000-CasePublication';
import { DomainEventTopics1764200100000 } from '../../core/db/migrations/1764200100000-DomainEventTopics';
import {
  CaseCategory,
  CaseContentCheck,
  CaseEvent,
  CaseFollower,
  CaseNoCounter,
  CaseRecord,
  CaseSavedView,
  Holiday,
} from './entities';
import { CaseNotifications } from './notify';
import { SlaWatcher } from './sla';

/** Cases (#5): intake, workflow, notifications and SLA watching. */
export const caseManifest = {
  name: 'case',
  config: caseEnv,
  entities: [
    CaseRecord,
    CaseEvent,
    CaseFollower,
    CaseCategory,
    Holiday,
    CaseContentCheck,
    CaseSavedView,
    CaseNoCounter,
  ],
  // DomainEventTopics maps outbox rows queued before issue #12 (case and gov topics) to event subscribers.
  migrations: [Cases1764000000000, CasePublication1764100200000, DomainEventTopics1764200100000],
  permissions: ['case:read', 'case:dispatch', 'case:manage', 'person:pii:read'],
  subscribers: [CaseNotifications],
  jobs: [SlaWatcher],
} satisfies ModuleManifest;
