export { OutboxMessage } from './outbox-message.entity';
export type { OutboxStatus } from './outbox-message.entity';
export { OutboxService } from './outbox.service';
export { OutboxWorker } from './outbox.worker';
export { PermanentDeliveryError, outboxBackoffMs, outboxPolicy } from './outbox.types';
export type { OutboxDraft, OutboxHandler } from './outbox.types';
