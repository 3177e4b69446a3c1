import { onScopeDispose, type Ref } from 'vue';
import { staffSocket, type RealtimeState, type ServerToClientEvents } from './socket';

export interface StaffSocketHandle {
  /** idle → connecting → connected / disconnected. */
  state: Readonly<Ref<RealtimeState>>;
  /** Subscribes for the lifetime of the calling component (unsubscribed on unmount). */
  on: <E extends keyof ServerToClientEvents>(event: E, handler: ServerToClientEvents[E]) => void;
}

/** Uses the shared staff socket from a component's setup; releases it on unmount. */
export function useStaffSocket(): StaffSocketHandle {
  const { state, acquire, release } = staffSocket();
  // socket.io's typed `on`/`off` cannot follow a generic event key, so they are widened once here.
  const emitter = acquire() as unknown as {
    on: (event: string, listener: (...args: never[]) => void) => unknown;
    off: (event: string, listener: (...args: never[]) => void) => unknown;
  };
  const offs: Array<() => void> = [];

  onScopeDispose(() => {
    for (const off of offs) off();
    release();
  });

  return {
    state,
    on: (event, handler) => {
      emitter.on(event, handler);
      offs.push(() => emitter.off(event, handler));
    },
  };
}
