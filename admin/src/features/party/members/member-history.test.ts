import { describe, expect, it } from 'vitest';
import { historyFacts } from './member-history';

describe('facts of a history line', () => {
  it('names the known facts in a fixed order and skips the empty and unknown ones', () => {
    expect(
      historyFacts({ note: '工作调动', letterNo: '青组转〔2026〕7号', termId: 'x', reason: '', destination: null }),
    ).toEqual(['介绍信编号：青组转〔2026〕7号', '备注：工作调动']);
    expect(historyFacts({ months: 6, probationEndsOn: '2027-01-01' })).toEqual(['预备期至：2027-01-01', '延长月数：6']);
  });
});
