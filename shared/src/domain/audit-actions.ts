import type { CaseAction } from './case';

/**
 * Every action code the BFF writes to the audit log, grouped for the viewer's picker. The BFF's
 * `AuditEntry.action` is typed `AuditAction`, so writing a code missing here is a compile error,
 * and `auditActionLabels` (a Record over the union) cannot miss a label.
 */
export type AuditAction =
  // Staff sign-in and sessions.
  | 'auth.login'
  | 'auth.lockout'
  | 'auth.captcha'
  | 'auth.password_change'
  | 'auth.mfa_enrol'
  | 'auth.mfa_disable'
  | 'auth.recovery_code'
  | 'auth.logout'
  | 'auth.logout_all'
  // Staff accounts.
  | 'user.create'
  | 'user.update'
  | 'user.enable'
  | 'user.disable'
  | 'user.reset_password'
  // Access control and personal data.
  | 'access.denied'
  | 'pii.read'
  | 'person.pii.read'
  | 'case.pii.read'
  // Mini-program identities.
  | 'binding.issue'
  | 'binding.redeem'
  | 'mp.phone.bind'
  // Regions.
  | 'region.create'
  | 'region.update'
  | 'region.delete'
  | 'region.import'
  | 'region.export'
  // Registry.
  | 'person.create'
  | 'person.update'
  | 'person.delete'
  | 'person.tags.update'
  | 'household.create'
  | 'household.update'
  | 'household.delete'
  | 'household.member.add'
  | 'household.member.remove'
  | 'estate.create'
  | 'estate.update'
  | 'estate.delete'
  | 'building.create'
  | 'building.update'
  | 'building.delete'
  | 'building_unit.create'
  | 'building_unit.delete'
  | 'house.create'
  | 'house.update'
  | 'house.delete'
  | 'house.resident.add'
  | 'house.resident.remove'
  | 'business.create'
  | 'business.update'
  | 'business.delete'
  | 'tag.create'
  | 'tag.update'
  | 'tag.delete'
  | 'visit.create'
  | 'registry.import'
  | 'registry.export'
  // Cases: one code per workflow action taken by staff, plus configuration.
  | `case.${CaseAction}`
  | 'case.relocate'
  | 'case.category.create'
  | 'case.category.update'
  | 'case.publication.update'
  | 'case.holidays.update'
  | 'open311.key.issue'
  | 'open311.key.revoke'
  // Party organisation, member files and the admission pipeline (#14).
  | 'party.org.create'
  | 'party.org.update'
  | 'party.org.term'
  | 'party.org.merge'
  | 'party.org.dissolve'
  | 'party.org.staff.assign'
  | 'party.org.staff.remove'
  | 'party.member.create'
  | 'party.member.update'
  | 'party.member.status'
  | 'party.member.pii.read'
  | 'party.admission.create'
  | 'party.admission.act'
  | 'party.meeting.create'
  | 'party.meeting.update'
  | 'party.meeting.check_in'
  | 'party.meeting.leave'
  | 'party.member.link_account'
  | 'party.member.import'
  | 'party.member.export'
  | 'party.report.export'
  | 'party.document.create'
  | 'party.document.update'
  | 'party.document.delete'
  | 'party.notice.create'
  | 'party.notice.update'
  | 'party.notice.publish'
  | 'party.notice.pin'
  | 'party.notice.withdraw'
  | 'party.honour.create'
  | 'party.honour.update'
  | 'party.honour.act'
  | 'party.plan.save'
  | 'party.plan.delete'
  | 'party.pledge.save'
  | 'party.pledge.fulfil'
  | 'party.appraisal.save'
  | 'party.appraisal.publish'
  | 'party.survey.save'
  | 'party.survey.publish'
  | 'party.survey.close'
  | 'party.survey.results.export'
  | 'party.appraisal_round.open'
  | 'party.appraisal_round.close'
  | 'party.study.points_rules.save'
  | 'party.study.column.save'
  | 'party.study.column.delete'
  | 'party.study.course.save'
  | 'party.study.course.publish'
  | 'party.study.course.close'
  | 'party.study.course.delete'
  | 'party.study.lesson.save'
  | 'party.study.lesson.delete'
  | 'party.study.enrolment.decide'
  | 'party.study.reminder.send'
  | 'party.study.report.export'
  | 'party.exam.question.save'
  | 'party.exam.question.delete'
  | 'party.exam.question.import'
  | 'party.exam.save'
  | 'party.exam.publish'
  | 'party.exam.delete'
  | 'party.exam.results.export'
  | 'party.dues.declaration.save'
  | 'party.dues.bills.generate'
  | 'party.dues.special.create'
  | 'party.dues.bill.cash'
  | 'party.dues.bill.proxy'
  | 'party.dues.bill.waive'
  | 'party.dues.reminder.send'
  | 'party.dues.payment.amount_mismatch'
  | 'party.dues.payment.bills_conflict'
  | 'party.dues.report.export'
  | 'party.dues.spending.save'
  | 'party.dues.spending.delete'
  | 'party.dues.spending.export'
  | 'party.dues.refund.request'
  | 'party.dues.refund.settle'
  | 'party.dues.reconcile.run'
  | 'party.dues.reconcile.resolve'
  // The audit log itself.
  | 'audit.verify';

/** Groups of the picker, in display order; each code belongs to exactly one (by its prefix). */
export const auditActionGroups = [
  { key: 'auth', label: '登录与会话', prefixes: ['auth.'] },
  { key: 'user', label: '账号管理', prefixes: ['user.'] },
  {
    key: 'access',
    label: '访问控制与个人信息',
    prefixes: ['access.', 'pii.', 'person.pii.', 'case.pii.', 'party.member.pii.'],
  },
  { key: 'identity', label: '小程序身份', prefixes: ['binding.', 'mp.'] },
  { key: 'region', label: '区域网格', prefixes: ['region.'] },
  {
    key: 'registry',
    label: '人口房屋',
    prefixes: [
      'person.',
      'household.',
      'estate.',
      'building.',
      'building_unit.',
      'house.',
      'business.',
      'tag.',
      'visit.',
      'registry.',
    ],
  },
  { key: 'case', label: '接诉即办', prefixes: ['case.', 'open311.'] },
  { key: 'party', label: '党建', prefixes: ['party.'] },
  { key: 'audit', label: '审计', prefixes: ['audit.'] },
] as const;

export type AuditActionGroupKey = (typeof auditActionGroups)[number]['key'];

/** Chinese label of every action code (the audit viewer shows these instead of the codes). */
export const auditActionLabels: Record<AuditAction, string> = {
  'auth.login': '登录',
  'auth.lockout': '账号锁定',
  'auth.captcha': '验证码校验',
  'auth.password_change': '修改密码',
  'auth.mfa_enrol': '启用双因素认证',
  'auth.mfa_disable': '停用双因素认证',
  'auth.recovery_code': '使用恢复码登录',
  'auth.logout': '退出登录',
  'auth.logout_all': '退出全部设备',
  'user.create': '创建账号',
  'user.update': '修改账号',
  'user.enable': '启用账号',
  'user.disable': '停用账号',
  'user.reset_password': '重置密码',
  'access.denied': '越权访问被拒绝',
  'pii.read': '查看未脱敏信息',
  'person.pii.read': '查看人员证件号/手机号',
  'case.pii.read': '查看工单反映人信息',
  'binding.issue': '签发身份绑定码',
  'binding.redeem': '兑换身份绑定码',
  'mp.phone.bind': '小程序绑定手机号',
  'region.create': '新建区域',
  'region.update': '修改区域',
  'region.delete': '删除区域',
  'region.import': '导入区域边界',
  'region.export': '导出区域边界',
  'person.create': '新增人员',
  'person.update': '修改人员',
  'person.delete': '删除人员',
  'person.tags.update': '修改人员标签',
  'household.create': '新建户',
  'household.update': '修改户',
  'household.delete': '删除户',
  'household.member.add': '添加户成员',
  'household.member.remove': '移除户成员',
  'estate.create': '新建小区',
  'estate.update': '修改小区',
  'estate.delete': '删除小区',
  'building.create': '新建楼栋',
  'building.update': '修改楼栋',
  'building.delete': '删除楼栋',
  'building_unit.create': '新建单元',
  'building_unit.delete': '删除单元',
  'house.create': '新建房屋',
  'house.update': '修改房屋',
  'house.delete': '删除房屋',
  'house.resident.add': '登记房屋住户',
  'house.resident.remove': '移除房屋住户',
  'business.create': '新增经营单位',
  'business.update': '修改经营单位',
  'business.delete': '删除经营单位',
  'tag.create': '新建标签',
  'tag.update': '修改标签',
  'tag.delete': '删除标签',
  'visit.create': '登记走访',
  'registry.import': '导入人口房屋数据',
  'registry.export': '导出人口房屋数据',
  'case.approve': '工单审核通过',
  'case.accept': '受理工单',
  'case.reject': '工单不予受理',
  'case.dispatch': '派单',
  'case.start': '接单',
  'case.return': '退回工单',
  'case.resolve': '办结工单',
  'case.transfer': '转办工单',
  'case.escalate': '上报工单',
  'case.rate': '评价工单',
  'case.close': '关闭工单',
  'case.dispute': '反馈未解决',
  'case.reopen': '重启工单',
  'case.merge': '合并工单',
  'case.relocate': '更正工单位置或网格',
  'case.category.create': '新建工单分类',
  'case.category.update': '修改工单分类',
  'case.publication.update': '修改工单公开说明',
  'case.holidays.update': '修改节假日安排',
  'open311.key.issue': '签发 Open311 密钥',
  'open311.key.revoke': '吊销 Open311 密钥',
  'party.org.create': '新建党组织',
  'party.org.update': '修改党组织信息',
  'party.org.term': '党组织换届',
  'party.org.merge': '合并党组织',
  'party.org.dissolve': '撤销党组织',
  'party.org.staff.assign': '指定党组织管理人员',
  'party.org.staff.remove': '移除党组织管理人员',
  'party.member.create': '新建党员档案',
  'party.member.update': '修改党员档案',
  'party.member.status': '党员组织关系或状态变更',
  'party.member.pii.read': '查看党员手机号或证件号',
  'party.admission.create': '登记入党申请人',
  'party.admission.act': '记录入党流程步骤',
  'party.meeting.create': '安排党组织会议',
  'party.meeting.update': '修改会议信息、纪要或照片',
  'party.meeting.check_in': '党员会议签到',
  'party.meeting.leave': '会议请假与审批',
  'party.member.link_account': '关联党员小程序账号',
  'party.member.import': '导入党员档案',
  'party.member.export': '导出党员名册',
  'party.report.export': '导出党员年度报表',
  'party.document.create': '登记党组织文件资料',
  'party.document.update': '修改党组织文件资料',
  'party.document.delete': '删除党组织文件资料',
  'party.notice.create': '起草党务公开',
  'party.notice.update': '修改党务公开草稿',
  'party.notice.publish': '发布党务公开',
  'party.notice.pin': '置顶党务公开',
  'party.notice.withdraw': '撤回党务公开',
  'party.honour.create': '登记组织或党员荣誉',
  'party.honour.update': '修改荣誉',
  'party.honour.act': '荣誉提交、审批、退回或发布',
  'party.plan.save': '保存年度计划或总结',
  'party.plan.delete': '删除年度计划或总结',
  'party.pledge.save': '登记党员承诺',
  'party.pledge.fulfil': '评定承诺践诺情况',
  'party.appraisal.save': '登记民主评议结果',
  'party.appraisal.publish': '公布民主评议结果',
  'party.survey.save': '保存问卷或议事协商',
  'party.survey.publish': '发布问卷或议事协商',
  'party.survey.close': '结束问卷或议事协商',
  'party.survey.results.export': '导出问卷统计结果',
  'party.appraisal_round.open': '发起民主评议投票',
  'party.appraisal_round.close': '结束民主评议并公布结果',
  'party.study.points_rules.save': '修改网上党校积分规则',
  'party.study.column.save': '保存网上党校栏目',
  'party.study.column.delete': '删除网上党校栏目',
  'party.study.course.save': '保存网上党校课程',
  'party.study.course.publish': '发布网上党校课程',
  'party.study.course.close': '结束网上党校课程',
  'party.study.course.delete': '删除网上党校课程草稿',
  'party.study.lesson.save': '保存课时',
  'party.study.lesson.delete': '删除课时',
  'party.study.enrolment.decide': '审核选课申请',
  'party.study.reminder.send': '发送学习提醒',
  'party.study.report.export': '下载学习报表',
  'party.exam.question.save': '保存题库题目',
  'party.exam.question.delete': '删除题库题目',
  'party.exam.question.import': '导入题库题目',
  'party.exam.save': '保存考试',
  'party.exam.publish': '发布考试',
  'party.exam.delete': '删除考试',
  'party.exam.results.export': '导出考试成绩',
  'party.dues.declaration.save': '申报或更正党员党费基数',
  'party.dues.bills.generate': '生成月度党费账单',
  'party.dues.special.create': '发起特殊党费',
  'party.dues.bill.cash': '登记党费现金收缴',
  'party.dues.bill.proxy': '登记党费代缴',
  'party.dues.bill.waive': '减免党费账单',
  'party.dues.reminder.send': '发送交纳党费提醒',
  'party.dues.payment.amount_mismatch': '微信支付金额与订单不符（未入账）',
  'party.dues.payment.bills_conflict': '微信支付到账时账单已另行缴纳（待退款）',
  'party.dues.report.export': '导出党费收缴月报',
  'party.dues.spending.save': '保存党费支出记录',
  'party.dues.spending.delete': '删除党费支出记录',
  'party.dues.spending.export': '导出党费支出',
  'party.dues.refund.request': '党费微信支付退款',
  'party.dues.refund.settle': '党费退款结果（微信支付）',
  'party.dues.reconcile.run': '党费微信支付对账',
  'party.dues.reconcile.resolve': '处理党费对账差异',
  'audit.verify': '校验审计日志',
};

/** All codes, in the table's order. */
export const allAuditActions = Object.keys(auditActionLabels) as AuditAction[];

export function isAuditAction(value: unknown): value is AuditAction {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(auditActionLabels, value);
}

/**
 * The Chinese label of a stored code; a code the table does not know (records written before a
 * rename) is shown as it is, so the viewer never hides a record.
 */
export function auditActionLabel(code: string): string {
  return isAuditAction(code) ? auditActionLabels[code] : code;
}

/** The picker's group of a code: the group with the longest matching prefix. */
export function auditActionGroup(code: AuditAction): AuditActionGroupKey {
  let best: { key: AuditActionGroupKey; length: number } | null = null;
  for (const group of auditActionGroups) {
    for (const prefix of group.prefixes) {
      if (code.startsWith(prefix) && (!best || prefix.length > best.length))
        best = { key: group.key, length: prefix.length };
    }
  }
  if (!best) throw new Error(`audit action ${code} has no group`);
  return best.key;
}
