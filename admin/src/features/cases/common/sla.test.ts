import { describe, expect, it } from 'vitest';
import { slaView, type SlaInput } from './sla';

const NOW = Date.parse('2026-03-02T08:00:00Z');
const due = (hours: number) => new Date(NOW + hours * 3_600_000).toISOString();
const open = (slaState: SlaInput['slaState'], dueAt: string | null): SlaInput => ({
  status: 'processing',
  dueAt,
  resolvedAt: null,
  slaState,
});

describe('slaView', () => {
  it('names the state in words, so 即将超时 and 按时 differ by more than their colour', () => {
    const onTime = slaView(open('on_time', due(50)), NOW);
    const near = slaView(open('warning', due(3)), NOW);
    expect(onTime).toEqual({ text: '剩余 2天2小时', tone: 'ok', state: '按时' });
    expect(near).toEqual({ text: '剩余 3小时', tone: 'warn', state: '即将超时' });
    expect(near.state).not.toBe(onTime.state);
  });

  it('says 已超时 in the text itself once the BFF calls the case overdue', () => {
    expect(slaView(open('overdue', due(-26)), NOW)).toEqual({
      text: '已超时 1天2小时',
      tone: 'overdue',
      state: '已超时',
    });
  });

  it('tells finished cases apart by whether they met the deadline', () => {
    const late: SlaInput = { status: 'resolved', dueAt: due(-5), resolvedAt: due(-1), slaState: 'done' };
    const inTime: SlaInput = { status: 'closed', dueAt: due(-5), resolvedAt: due(-8), slaState: 'done' };
    expect(slaView(late, NOW)).toMatchObject({ text: '超时办结', state: '超时办结' });
    expect(slaView(inTime, NOW)).toMatchObject({ text: '按时办结', state: '按时办结' });
  });

  it('has no countdown without a deadline', () => {
    expect(slaView(open('on_time', null), NOW)).toEqual({ text: '—', tone: 'none', state: '无时限' });
  });
});
