import type { MeetingType } from '@zhili/shared';

/** Texts of the demo party organisation: meeting topics, minutes, leave reasons, notices, work units. */

export const meetingTopics: Record<MeetingType, readonly string[]> = {
  committee: [
    '研究本月党建工作安排',
    '讨论发展党员工作计划',
    '研究党费收缴和使用情况',
    '研究困难党员帮扶事项',
    '讨论主题党日活动方案',
    '研究人居环境整治中的党员责任区',
  ],
  group: [
    '学习党章和党内法规',
    '交流本月联系群众情况',
    '学习习近平新时代中国特色社会主义思想',
    '讨论党员志愿服务安排',
    '开展批评与自我批评',
  ],
  theme_day: [
    '重温入党誓词，开展志愿服务',
    '“红色根脉”主题学习',
    '党员责任区环境整治',
    '走访慰问困难群众和老党员',
    '参观革命教育基地',
    '垃圾分类宣传进农户',
  ],
  branch_general: [
    '通报支部季度工作，讨论发展党员事项',
    '学习传达上级党委会议精神',
    '讨论年度工作计划',
    '听取党员思想汇报，讨论预备党员转正',
  ],
  lecture: [
    '书记讲党课：坚定理想信念，践行初心使命',
    '党课：全面从严治党永远在路上',
    '党课：以党建引领基层治理',
    '党课：传承红色基因，赓续精神血脉',
  ],
  appraisal: ['年度民主评议党员'],
};

export const leaveReasons = ['外出务工', '身体不适', '家中有事', '值班', '外出就医', '子女婚事'] as const;

export const flowPlaces = [
  { place: '浙江省杭州市滨江区', contactOrg: '滨江区长河街道流动党员党支部' },
  { place: '上海市闵行区', contactOrg: '闵行区七宝镇流动党员党支部' },
  { place: '江苏省苏州市工业园区', contactOrg: '苏州工业园区非公企业党委' },
  { place: '浙江省宁波市鄞州区', contactOrg: '鄞州区首南街道流动党员党支部' },
  { place: '广东省深圳市南山区', contactOrg: '南山区粤海街道流动党员党支部' },
] as const;

export const transferSources = [
  '余杭区良渚街道党工委',
  '临平区乔司街道党工委',
  '德清县武康街道党工委',
  '富阳区银湖街道党工委',
  '安吉县递铺街道党工委',
] as const;

export const transferDestinations = [
  '杭州市西湖区转塘街道党工委',
  '湖州市吴兴区朝阳街道党工委',
  '嘉兴市南湖区新兴街道党工委',
] as const;

export const workUnits = [
  '务农',
  '个体经营',
  '杭州某某电子有限公司',
  '示范镇中心小学',
  '示范镇卫生院',
  '退休',
  '余杭区某某建设有限公司',
  '村股份经济合作社',
] as const;

export interface DemoNoticeText {
  title: string;
  body: string;
}

/** The town committee's notices to all members (the year: the one the demo's today falls in). */
export const committeeNotices = (year: string): readonly DemoNoticeText[] => [
  {
    title: `关于开展${year}年度民主评议党员工作的通知`,
    body:
      '<p>各党支部：</p><p>根据上级党委部署，镇党委决定开展本年度民主评议党员工作。请各支部按照' +
      '<strong>学习教育、自我评价、民主测评、组织评定</strong>四个步骤组织实施，于次年二月底前完成。</p>' +
      '<ol><li>召开支部党员大会，通报评议办法；</li><li>党员对照党章逐项自评；</li><li>支委会综合评定等次并公示。</li></ol>' +
      '<p>示范镇党委</p>',
  },
  {
    title: '示范镇党委关于做好党费收缴工作的通知',
    body:
      '<p>各党支部：</p><p>请各支部按月足额收缴党费，流动党员可通过小程序缴纳。对连续三个月未交纳党费的党员，' +
      '支部应及时谈心谈话，了解情况。</p><p>示范镇党委</p>',
  },
  {
    title: '关于组织收看专题党课直播的通知',
    body:
      '<p>各党支部：</p><p>本月下旬镇党校将举办专题党课直播，请各支部组织党员在党群服务中心集中收看，' +
      '不能到场的党员可在小程序中收看回放。</p><p>示范镇党委</p>',
  },
  {
    title: '关于报送年度发展党员计划的通知',
    body: '<p>各党支部：</p><p>请于月底前报送明年发展党员计划，重点从青年农民、致富能手和返乡大学生中发展党员。</p>',
  },
];

/** The branch's own notice about its next 主题党日 (the unread one of the demo member 李四). */
export function themeDayNotice(branchName: string, day: string, place: string): DemoNoticeText {
  return {
    title: `${branchName}${Number(day.slice(5, 7))}月主题党日活动安排`,
    body:
      `<p>全体党员：</p><p>${Number(day.slice(5, 7))}月${Number(day.slice(8, 10))}日上午9:00在${place}开展主题党日活动，` +
      '内容为重温入党誓词、集中学习和志愿服务。请准时参加，到场后在小程序中签到；不能参加的请提前请假。</p>' +
      `<p>${branchName}</p>`,
  };
}

/** Minutes of a meeting that took place. */
export function meetingMinutes(topic: string, invited: number, present: number): string {
  return `会议主题：${topic}。应到 ${invited} 人，实到 ${present} 人。会议传达学习了上级有关精神，与会党员结合实际进行了讨论，形成了会议决定并明确了责任人。`;
}
