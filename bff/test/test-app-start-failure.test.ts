import { currentBackend } from './support/backends';
import { startTestApp } from './support/test-app';

/** Listening servers of this process (the WeChat simulator is one). */
const listeningServers = () => process.getActiveResourcesInfo().filter((r) => r === 'TCPServerWrap').length;

describe('a BFF that refuses to start in a test', () => {
  it('rejects with the configuration problem and leaves no simulator listening', async () => {
    const before = listeningServers();
    // An active key id that is not among the keys: the BFF refuses to start (ConfigError).
    await expect(startTestApp(currentBackend(), { PII_ACTIVE_KEY_ID: 'k9' })).rejects.toThrow(/PII_ACTIVE_KEY_ID/);
    // Without the cleanup the simulator stays open, and Jest never exits after a red file. (A closed
    // server's handle is released on the next turn of the event loop.) At most as many as before: the
    // Jest worker is shared with earlier test files, whose servers may finish closing meanwhile.
    for (let i = 0; i < 20 && listeningServers() > before; i++) await new Promise((resolve) => setImmediate(resolve));
    expect(listeningServers()).toBeLessThanOrEqual(before);
  });
});
