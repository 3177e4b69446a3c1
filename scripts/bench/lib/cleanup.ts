// One place that knows everything a benchmark started, so normal ends, failures and Ctrl+C all stop
// the same processes (a leaked BFF would hold its port and skew the next run).

type Task = { label: string; fn: () => Promise<void> | void };

const tasks: Task[] = [];

/** Registers a stop action; actions run in reverse order of registration (LIFO, like finally). */
export function defer(label: string, fn: () => Promise<void> | void): void {
  tasks.push({ label, fn });
}

/** Runs and forgets every registered action; one failing action does not skip the others. */
export async function runCleanups(): Promise<void> {
  while (tasks.length > 0) {
    const task = tasks.pop();
    if (!task) break;
    try {
      await task.fn();
    } catch (err) {
      console.error(`cleanup "${task.label}" failed: ${(err as Error).message}`);
    }
  }
}

let interrupted = false;

/** On SIGINT/SIGTERM: stop everything, then exit 130; a second signal exits immediately. */
export function installSignalHandlers(): void {
  const onSignal = (signal: NodeJS.Signals) => {
    if (interrupted) process.exit(130);
    interrupted = true;
    console.error(`\n${signal} received — stopping benchmark processes …`);
    void runCleanups().finally(() => process.exit(130));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
}
