export { HealthService } from './health.service';
export { HealthBroadcaster } from './health.broadcaster';
