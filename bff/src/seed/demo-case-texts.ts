/**
 * What the demo town's sample cases say: a few plausible reports per default category (codes from
 * `defaultCaseCategories`), and what the handling staff wrote. Unknown categories fall back to `other`.
 */
export const demoCaseReports: Record<string, readonly string[]> = {
  road: [
    '村口水泥路面塌陷一个大坑，电动车经过很危险',
    '人行道地砖松动翘起，老人容易绊倒',
    '桥头路面开裂，下雨后积水严重',
  ],
  streetlight: ['小区东门路灯连续三晚不亮，晚上出行不便', '村道路灯白天一直亮着，浪费电', '篮球场旁边的路灯灯罩掉落'],
  garbage: ['河边有人倾倒建筑垃圾，已经堆了好几天', '垃圾桶满了没人清运，气味很大', '菜场门口生活垃圾散落一地'],
  sewage: ['路边窨井冒污水，味道刺鼻', '雨水篦子堵塞，路面积水过脚踝', '化粪池外溢，流到路面上'],
  greenery: ['绿化带树木被大风刮倒，压在人行道上', '公园草坪被人为踩踏毁坏', '行道树枝条遮挡路灯和监控'],
  illegal_building: ['楼顶有人私自搭建彩钢板房', '沿街店铺违规外扩搭建雨棚', '宅基地外私自加盖围墙'],
  noise: ['夜里十一点后工地仍在施工，噪声很大', '广场舞音响太响，影响休息', '饭店排风机噪声扰民'],
  parking: ['消防通道被私家车长期占用', '电动车在楼道内停放充电，有安全隐患', '人行道上乱停共享单车'],
  dispute: ['邻居装修漏水到我家，协商不成', '两户人家因宅基地边界发生争执', '楼上住户经常高空抛物'],
  safety: ['老旧电线裸露在外，雨天有漏电风险', '河边护栏损坏，小孩容易落水', '小区内有燃气异味，请尽快检查'],
  other: ['公告栏信息过期未更新', '健身器材损坏无法使用', '公交站台顶棚漏雨'],
};

export const demoResolutions: readonly string[] = [
  '已到现场处理完毕，已拍照留存。',
  '已协调相关部门完成整改，居民表示满意。',
  '已清理完毕，并安排网格员每日巡查。',
  '已维修完成，恢复正常使用。',
];

export const demoRejectReasons: readonly string[] = [
  '经核实，该问题不属于本辖区职责范围，请联系相关部门。',
  '经核实，该问题已处理完毕。',
];

export const demoReturnReasons: readonly string[] = ['现场无法处理，需要相关部门协助。'];

export const demoEscalateReasons: readonly string[] = ['超出本级处置能力，申请上级协调。'];

export const demoAddresses: readonly string[] = [
  '村委会东侧',
  '主干道与河滨路交叉口',
  '小区3号楼北侧',
  '农贸市场门口',
  '文化广场西南角',
  '小学东门对面',
];
