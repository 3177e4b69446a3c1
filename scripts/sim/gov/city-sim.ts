// The simulated city operation platform (城市运行管理服务平台): takes escalated cases as events,
// and hands results back by push (to the BFF's callback) and by a pull feed.
import { CityState } from './city-state';
import { Pusher } from './push';
import { startGovServer, type DevRequest, type DevResult } from './server';
import { CITY_PATHS, type CityResult, type CitySim, type GovSimOptions } from './types';

const DEFAULT_HANDLER = '市城管局';

/** Starts the simulator; every platform call must be signed with `appKey`/`appSecret`. */
export async function startCitySim(options: GovSimOptions): Promise<CitySim> {
  const now = options.now ?? Date.now;
  const state = new CityState(now);
  let pushUrl = options.pushUrl ?? null;
  const pusher = new Pusher({
    appKey: options.appKey,
    appSecret: options.appSecret,
    now,
    maxAttempts: options.push?.maxAttempts ?? 5,
    baseDelayMs: options.push?.baseDelayMs ?? 1000,
    timeoutMs: options.push?.timeoutMs ?? 5000,
  });
  const inFlight = new Set<Promise<boolean>>();

  const finishEvent = (ref: string, input: { result: string; handler?: string }): CityResult => {
    const result = state.finish(ref, input.result, input.handler ?? DEFAULT_HANDLER);
    if (pushUrl) {
      const job = pusher.push(pushUrl, result.eventId, { type: 'event.finished', result });
      inFlight.add(job);
      void job.finally(() => inFlight.delete(job));
    }
    return result;
  };

  const dev = (req: DevRequest): DevResult | null => {
    if (req.path === '/__dev/events')
      return {
        status: 200,
        body: { events: state.events(), createCalls: { total: state.createTotal, duplicates: state.createDuplicates } },
      };
    const finish = /^\/__dev\/events\/([^/]+)\/finish$/.exec(req.path);
    if (finish && req.method === 'POST') {
      const body = (req.body ?? {}) as { result?: unknown; handler?: unknown };
      if (typeof body.result !== 'string' || body.result.length < 2)
        return { status: 400, body: { error: 'result (≥ 2 chars) is required' } };
      try {
        const handler = typeof body.handler === 'string' ? body.handler : undefined;
        return { status: 200, body: finishEvent(decodeURIComponent(finish[1]), { result: body.result, handler }) };
      } catch (err) {
        return { status: 409, body: { error: (err as Error).message } };
      }
    }
    if (req.path === '/__dev/pushes') return { status: 200, body: pusher.log };
    return null;
  };

  const server = await startGovServer(
    'city-sim',
    options,
    {
      [CITY_PATHS.createEvent]: (body) => state.create(body),
      [CITY_PATHS.queryResults]: (body) => state.queryResults(body),
    },
    dev,
  );

  return {
    url: server.url,
    port: server.port,
    events: () => state.events().map((e) => ({ ...e })),
    createCalls: () => ({ total: state.createTotal, duplicates: state.createDuplicates }),
    finishEvent,
    pushes: () => [...pusher.log],
    setPushUrl: (url) => {
      pushUrl = url;
    },
    setFaults: (patch) => server.faults.update(patch),
    requests: () => [...server.requests],
    idle: async () => {
      while (inFlight.size) await Promise.allSettled([...inFlight]);
    },
    close: async () => {
      pusher.close();
      await server.close();
    },
  };
}
