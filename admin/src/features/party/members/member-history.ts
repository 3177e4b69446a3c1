/** Names of the facts a history line may carry (letter numbers, places, votes…), as the portal says them. */
const factLabels: Record<string, string> = {
  letterNo: '介绍信编号',
  destination: '转往单位',
  from: '转出单位',
  place: '外出地点',
  contactOrg: '联系党组织',
  reason: '原因',
  note: '备注',
  approvedOn: '上级批准日期',
  probationEndsOn: '预备期至',
  voteOn: '支部大会日期',
  months: '延长月数',
};

/** `标签：值` lines of a history line's details, known facts only, in the order above. */
export function historyFacts(detail: Record<string, string | number | boolean | null>): string[] {
  return Object.keys(factLabels).flatMap((key) => {
    const value = detail[key];
    return value === undefined || value === null || value === '' ? [] : [`${factLabels[key]}：${String(value)}`];
  });
}
