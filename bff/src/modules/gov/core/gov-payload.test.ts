import { AppError } from '../../../core/errors/app-error';
import { parseCityCreated, parseCityPage, parseCityPush } from '../city/city-payloads';
import { parseHotlineOrder, parseHotlinePage, parseHotlinePush } from '../hotline/hotline-payloads';

/** What a 12345 order looks like on the wire (docs/GOV-PROTOCOL.md §3). */
const order = () => ({
  orderNo: 'RX2026000123',
  title: '',
  content: '小区门口路灯不亮',
  categoryCode: '',
  categoryName: '路灯',
  urgency: 2,
  callerName: null,
  callerPhone: '',
  address: '幸福村村口',
  location: { lng: 120.1, lat: 30.2, coordType: 'wgs84' },
  status: 'ASSIGNED',
  deadline: null,
  createdAt: '2026-05-01T10:00:00+08:00',
  updatedAt: '2026-05-01T10:00:00+08:00',
});

/** The fields a refusal names (400 VALIDATION_FAILED with details). */
function refused(parse: () => unknown): string[] {
  try {
    parse();
  } catch (err) {
    if (err instanceof AppError && err.code === 'VALIDATION_FAILED') return (err.details ?? []).map((d) => d.field);
    throw err;
  }
  throw new Error('accepted');
}

describe('government platform payloads', () => {
  it('takes an order as sent, keeping fields the platform added without notice', () => {
    const parsed = parseHotlineOrder({ ...order(), extra: { since: 'v2' } });
    expect(parsed).toMatchObject({ ...order(), extra: { since: 'v2' } });
    expect(parseHotlineOrder({ ...order(), location: null }).location).toBeNull();
    expect(parseHotlinePush({ type: 'order.updated', order: order() }).order.orderNo).toBe('RX2026000123');
  });

  it('refuses what the protocol rules out, naming every field (nothing is coerced)', () => {
    expect(
      refused(() =>
        parseHotlineOrder({
          ...order(),
          orderNo: 'no spaces allowed',
          content: '',
          urgency: '2',
          status: '',
          callerName: undefined,
          location: { lng: 200, lat: 30, coordType: 'bd09' },
        }),
      ).sort(),
    ).toEqual(['callerName', 'content', 'location.coordType', 'location.lng', 'orderNo', 'status', 'urgency']);
    expect(refused(() => parseHotlineOrder({ ...order(), urgency: 4 }))).toEqual(['urgency']);
    expect(refused(() => parseHotlinePush({ type: 'order.deleted', order: order() }))).toEqual(['type']);
    expect(
      refused(() => parseHotlinePage({ orders: new Array(101).fill({}), nextCursor: 'c', hasMore: false })),
    ).toEqual(['orders']);
  });

  it('checks city results and receipts the same way', () => {
    const result = {
      eventId: 'EV1',
      caseNo: '202605010001',
      round: 1,
      result: '已处置',
      handler: '',
      finishedAt: '2026-05-02T09:00:00+08:00',
    };
    expect(parseCityPush({ type: 'event.finished', result }).result).toEqual(result);
    expect(
      refused(() => parseCityPush({ type: 'event.finished', result: { ...result, round: 0, result: '' } })),
    ).toEqual(['result.round', 'result.result']);
    expect(parseCityCreated({ eventId: 'EV1', caseNo: 'n', round: 2, duplicate: true }).round).toBe(2);
    expect(refused(() => parseCityCreated({ eventId: 'EV1', caseNo: 'n', round: 1.5, duplicate: 'no' }))).toEqual([
      'round',
      'duplicate',
    ]);
    expect(refused(() => parseCityPage({ results: [], nextCursor: '', hasMore: false }))).toEqual(['nextCursor']);
  });

  it('reports at most ten problems of one payload', () => {
    const junk = Object.fromEntries(Object.keys(order()).map((k) => [k, { nested: true }]));
    expect(refused(() => parseHotlineOrder(junk))).toHaveLength(10);
  });
});
