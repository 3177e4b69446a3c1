/**
 * Typed domain events over the outbox (docs/CONTRACTS.md "Outbox and domain events"): a producer
 * appends one event in its transaction, subscribers in other modules receive it with a typed
 * payload, each with its own delivery state.
 */
export { defineDomainEvent } from './domain-event';
export type { DomainEventDef, EventPayload, EventSubscriber } from './domain-event';
export { DomainEvents } from './domain-events.service';
