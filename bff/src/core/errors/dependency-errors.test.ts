import { createConnection } from 'net';
import { QueryFailedError } from 'typeorm';
import { DependencyUnavailableError, dependencyOutageOf } from './dependency-errors';

/** A real ECONNREFUSED from a port nobody listens on (port 1 on loopback). */
async function refusedSocketError(): Promise<Error> {
  return new Promise((resolve) => {
    createConnection(1, '127.0.0.1').on('error', resolve);
  });
}

describe('dependencyOutageOf', () => {
  it('names the cache for errors the Redis infra raised', () => {
    expect(dependencyOutageOf(new DependencyUnavailableError('cache', new Error('Connection is closed.')))).toBe(
      'cache',
    );
  });

  it('names the database for a failed query whose driver lost or timed out its connection', async () => {
    const refused = await refusedSocketError();
    expect(dependencyOutageOf(new QueryFailedError('SELECT 1', [], refused))).toBe('database');
    const timeout = Object.assign(new Error('Query inactivity timeout'), { code: 'PROTOCOL_SEQUENCE_TIMEOUT' });
    expect(dependencyOutageOf(new QueryFailedError('SELECT 1', [], timeout))).toBe('database');
    const busy = Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' });
    expect(dependencyOutageOf(new QueryFailedError('UPDATE x', [], busy))).toBe('database');
    // mysql2 failing to open a pool connection throws the socket error itself, marked fatal.
    expect(dependencyOutageOf(Object.assign(await refusedSocketError(), { fatal: true }))).toBe('database');
  });

  it('leaves other failures alone: a constraint violation, or another client refused (WeChat, gov APIs)', async () => {
    const duplicate = Object.assign(new Error('Duplicate entry'), { code: 'ER_DUP_ENTRY' });
    expect(dependencyOutageOf(new QueryFailedError('INSERT x', [], duplicate))).toBeNull();
    // fetch() wraps the socket error as its cause: not the database's outage.
    expect(dependencyOutageOf(new TypeError('fetch failed', { cause: await refusedSocketError() }))).toBeNull();
    expect(dependencyOutageOf(new Error('boom'))).toBeNull();
  });
});
