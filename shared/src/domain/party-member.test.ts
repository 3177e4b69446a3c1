import {
  allowedMemberActs,
  applyMemberAct,
  type MemberAct,
  type MemberActKind,
  type MemberState,
} from './party-member';

const TODAY = '2026-12-06';
const active: MemberState = { status: 'active', orgId: 'branch-a', flow: null, lastEventOn: '2020-07-01' };
const away: MemberState = {
  ...active,
  flow: { place: '深圳市南山区', since: '2025-03-01', contactOrg: '南山区流动党员党支部' },
};

function apply(state: MemberState, act: MemberAct, today = TODAY): MemberState | string {
  const out = applyMemberAct(state, act, today);
  return out.ok ? out.state : out.code;
}

describe('which status changes a member file allows', () => {
  const table: Array<[string, MemberState, MemberActKind[]]> = [
    ['active, at home', active, ['transfer_within', 'transfer_out', 'flow_out', 'expel', 'stop', 'death']],
    ['active, away', away, ['transfer_within', 'transfer_out', 'flow_back', 'expel', 'stop', 'death']],
    ['transferred out', { ...active, status: 'transferred_out' }, []],
    ['expelled', { ...active, status: 'expelled' }, []],
    ['stopped', { ...active, status: 'stopped' }, []],
    ['deceased', { ...active, status: 'deceased' }, []],
    ['disqualified', { ...active, status: 'disqualified' }, []],
  ];
  it.each(table)('%s', (_name, state, acts) => {
    expect(allowedMemberActs(state)).toEqual(acts);
  });
});

describe('applying a status change', () => {
  it.each<[string, MemberState, MemberAct, Partial<MemberState> | string]>([
    [
      'moves to another branch of the town',
      active,
      { kind: 'transfer_within', on: '2026-01-10', toOrgId: 'branch-b' },
      { status: 'active', orgId: 'branch-b', lastEventOn: '2026-01-10' },
    ],
    [
      'refuses a move to the same branch',
      active,
      { kind: 'transfer_within', on: '2026-01-10', toOrgId: 'branch-a' },
      'SAME_ORG',
    ],
    [
      'closes the file on a transfer out of town',
      away,
      { kind: 'transfer_out', on: '2026-02-01', letterNo: '青组转〔2026〕3号', destination: '某县委组织部' },
      { status: 'transferred_out', flow: null },
    ],
    [
      'marks a member away from home',
      active,
      { kind: 'flow_out', on: '2025-03-01', place: '深圳市南山区', contactOrg: '南山区流动党员党支部' },
      { flow: { place: '深圳市南山区', since: '2025-03-01', contactOrg: '南山区流动党员党支部' } },
    ],
    [
      'refuses a second flow_out',
      away,
      { kind: 'flow_out', on: '2026-01-01', place: 'x', contactOrg: 'y' },
      'ACT_NOT_ALLOWED',
    ],
    ['brings a member back', away, { kind: 'flow_back', on: '2026-05-01' }, { flow: null, status: 'active' }],
    ['refuses flow_back at home', active, { kind: 'flow_back', on: '2026-05-01' }, 'ACT_NOT_ALLOWED'],
    ['records 出党', active, { kind: 'expel', on: '2026-01-01', reason: '严重违纪' }, { status: 'expelled' }],
    [
      'records 停止党籍',
      away,
      { kind: 'stop', on: '2026-01-01', reason: '失联超过六个月' },
      { status: 'stopped', flow: null },
    ],
    ['records a death', active, { kind: 'death', on: '2026-01-01' }, { status: 'deceased' }],
    [
      'refuses anything on a closed file',
      { ...active, status: 'deceased' },
      { kind: 'death', on: '2026-01-01' },
      'ACT_NOT_ALLOWED',
    ],
    ['refuses a date that does not exist', active, { kind: 'death', on: '2026-02-30' }, 'DATE_INVALID'],
    ['refuses a date in the future', active, { kind: 'death', on: '2026-12-07' }, 'DATE_IN_FUTURE'],
    ['refuses a date before the last event', active, { kind: 'death', on: '2020-06-30' }, 'DATE_BEFORE_PREVIOUS'],
    ['accepts the day of the last event', active, { kind: 'death', on: '2020-07-01' }, { status: 'deceased' }],
  ])('%s', (_name, state, act, expected) => {
    const result = apply(state, act);
    if (typeof expected === 'string') expect(result).toBe(expected);
    else expect(result).toMatchObject(expected);
  });

  it('explains a refusal in Chinese, naming the closed status', () => {
    const out = applyMemberAct({ ...active, status: 'transferred_out' }, { kind: 'death', on: '2026-01-01' }, TODAY);
    expect(out).toEqual({
      ok: false,
      code: 'ACT_NOT_ALLOWED',
      message: '该党员档案不能进行「去世」（档案状态：已转出）',
    });
  });
});
