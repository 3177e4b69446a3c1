import { ensureBuilt } from '../launcher/builds';

/** Build whatever the stack needs once, before the test files (which run in parallel) start it. */
export default async function globalSetup(): Promise<void> {
  ensureBuilt(false);
}
