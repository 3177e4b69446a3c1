import type { EntityManager } from 'typeorm';
import { caseLimits, dispatchBlockReasons } from '@zhili/shared';
import type { CaseAction, CaseActionBody, CaseActionInput } from '@zhili/shared';
import { AppError } from '../../../core/errors/app-error';
import { inScope } from '../../../core/scope/data-scope';
import { MpUser } from '../../mp-user';
import { StaffUser } from '../../staff';
import { Region } from '../../region';
import { CaseFollower, CaseRecord } from '../entities';
import type { CaseActor } from './case-actor';

/** What an action may carry besides the action name (body of the action endpoints, plus rating). */
export type CaseActionInputs = Omit<CaseActionBody, 'action' | 'version'> & { rating?: number; comment?: string };

/** The change an action makes: fields of the case, timeline details, files to attach. */
export interface ActionEffect {
  patch: Partial<CaseRecord>;
  data: Record<string, string | number | boolean | null>;
  note: string | null;
  photoIds: string[];
}

const DAY_MS = 86_400_000;
const text = (v: string | undefined) => (typeof v === 'string' ? v.trim() : '');

/** Refuses an action whose required inputs are missing or out of limits (400 with a Chinese detail). */
export function checkRequiredInputs(requires: readonly CaseActionInput[], input: CaseActionInputs): void {
  const fail = (field: string, message: string) => {
    throw new AppError('VALIDATION_FAILED', undefined, [{ field, message }]);
  };
  for (const need of requires) {
    if (need === 'reason') {
      const len = text(input.reason).length;
      if (len < caseLimits.reason.min || len > caseLimits.reason.max)
        fail('reason', `请填写原因（${caseLimits.reason.min}-${caseLimits.reason.max} 字）`);
    }
    if (need === 'result') {
      const len = text(input.result).length;
      if (len < caseLimits.result.min || len > caseLimits.result.max)
        fail('result', `请填写处理结果（${caseLimits.result.min}-${caseLimits.result.max} 字）`);
    }
    if (need === 'assignee' && !input.assignee?.id) fail('assignee', '请选择处理人');
    if (need === 'targetRegion' && !input.targetRegionId) fail('targetRegionId', '请选择转办的网格或部门');
    if (need === 'level' && input.level !== 'town' && input.level !== 'city') fail('level', '请选择上报层级');
    if (
      need === 'rating' &&
      !(Number.isInteger(input.rating) && (input.rating as number) >= 1 && (input.rating as number) <= 5)
    )
      fail('rating', '请选择 1-5 星评价');
    if (need === 'outcome' && !['fixed', 'not_fixed', 'withdrawn'].includes(input.outcome ?? ''))
      fail('outcome', '请选择办理结果');
    if (need === 'mergeInto' && !input.mergeIntoId) fail('mergeIntoId', '请选择要合并到的工单');
  }
  if (input.note !== undefined && text(input.note).length > caseLimits.note.max)
    fail('note', `备注不能超过 ${caseLimits.note.max} 字`);
  if (input.comment !== undefined && text(input.comment).length > caseLimits.ratingComment.max)
    fail('comment', `评价内容不能超过 ${caseLimits.ratingComment.max} 字`);
  if ((input.photoIds?.length ?? 0) > caseLimits.afterPhotos.max)
    fail('photoIds', `照片最多 ${caseLimits.afterPhotos.max} 张`);
}

/** The staff member's scope must contain `path` (404 otherwise, like every out-of-scope id). */
function requireScope(actor: CaseActor, path: string): void {
  if (actor.role !== 'dispatcher') return;
  if (!actor.principal || !inScope(actor.principal, path)) throw new AppError('NOT_FOUND');
}

/**
 * Loads a worker to dispatch to: an active staff member or a mini-program grid worker bound to a grid,
 * in scope — anywhere in the dispatcher's scope, not only the case's grid (the picker offers the
 * same people, with the same reasons for those it cannot take: dispatchBlockReasons).
 */
async function loadAssignee(m: EntityManager, actor: CaseActor, ref: NonNullable<CaseActionInputs['assignee']>) {
  if (ref.kind === 'mp') {
    const user = await m.findOne(MpUser, {
      where: { id: ref.id },
      select: { id: true, nickname: true, roles: true, regionId: true, scopePath: true },
    });
    if (!user || !user.roles.includes('grid_worker') || !user.scopePath)
      throw new AppError('NOT_FOUND', '处理人不存在或不是网格员');
    requireScope(actor, user.scopePath);
    const region = user.regionId ? await m.findOne(Region, { where: { id: user.regionId } }) : null;
    if (region?.level !== 'grid')
      throw new AppError('VALIDATION_FAILED', undefined, [
        { field: 'assignee', message: `处理人${dispatchBlockReasons.noGrid}` },
      ]);
    return { kind: 'mp' as const, id: user.id, name: user.nickname, path: user.scopePath, regionName: region.name };
  }
  const staff = await m.findOne(StaffUser, { where: { id: ref.id } });
  if (!staff || staff.status !== 'active') throw new AppError('NOT_FOUND', '处理人不存在或已停用');
  const region = staff.regionId ? await m.findOne(Region, { where: { id: staff.regionId } }) : null;
  if (!region) throw new AppError('NOT_FOUND', '处理人没有管辖区域');
  requireScope(actor, region.path);
  return { kind: 'staff' as const, id: staff.id, name: staff.displayName, path: region.path, regionName: region.name };
}

/**
 * The effect of a legal action on a case (the state machine already allowed it): the facts the table
 * cannot know are checked here — dispute window, single rating, scope of targets, merge target.
 */
export async function effectOf(
  m: EntityManager,
  record: CaseRecord,
  action: CaseAction,
  actor: CaseActor,
  input: CaseActionInputs,
  now: Date,
): Promise<ActionEffect> {
  const note = text(input.note) || null;
  const photoIds = input.photoIds ?? [];
  const reason = text(input.reason) || null;
  const e: ActionEffect = { patch: {}, data: {}, note, photoIds };
  if (reason) e.data.reason = reason;
  switch (action) {
    case 'accept':
      e.patch.acceptedAt = now;
      if (input.priority) e.patch.priority = input.priority;
      break;
    case 'reject':
      e.patch = { rejectReason: reason, closedAt: now };
      break;
    case 'dispatch': {
      const who = await loadAssignee(m, actor, input.assignee as NonNullable<CaseActionInputs['assignee']>);
      e.patch = {
        assigneeKind: who.kind,
        assigneeId: who.id,
        assigneeName: who.name,
        dispatchedAt: now,
        acceptedAt: record.acceptedAt ?? now,
      };
      e.data.assignee = who.name;
      // A worker of another grid (or of the village/town office) is allowed in scope; the timeline says so.
      if (!who.path.startsWith(record.scopePath)) {
        e.data.assigneeRegion = who.regionName;
        e.data.outsideGrid = true;
      }
      break;
    }
    case 'resolve':
      e.patch = { resolution: text(input.result), resolvedAt: now };
      e.data.result = text(input.result);
      break;
    case 'transfer': {
      const target = await m.findOne(Region, { where: { id: input.targetRegionId as string } });
      if (!target) throw new AppError('NOT_FOUND', '转办目标不存在');
      requireScope(actor, target.path);
      e.patch = {
        regionId: target.id,
        scopePath: target.path,
        department: text(input.department) || record.department,
        assigneeKind: null,
        assigneeId: null,
        assigneeName: null,
      };
      e.data.targetRegion = target.name;
      if (input.department) e.data.department = text(input.department);
      break;
    }
    case 'escalate':
      e.patch = { escalationLevel: input.level ?? 'town' };
      e.data.level = input.level ?? 'town';
      break;
    case 'rate':
      if (record.rating !== null) throw new AppError('CASE_ALREADY_RATED');
      if (record.status === 'closed' && record.outcome !== 'fixed') throw new AppError('CASE_TRANSITION_INVALID');
      e.patch = {
        rating: input.rating as number,
        ratingComment: text(input.comment) || null,
        ratedAt: now,
        outcome: 'fixed',
        closedAt: record.closedAt ?? now,
      };
      e.data.rating = input.rating as number;
      if (input.comment) e.data.comment = text(input.comment);
      break;
    case 'close':
      e.patch = { outcome: input.outcome, closedAt: now };
      e.data.outcome = input.outcome as string;
      break;
    case 'dispute': {
      if (record.status === 'closed' && record.outcome !== 'fixed') throw new AppError('CASE_TRANSITION_INVALID');
      const resolvedAt = record.resolvedAt ? +new Date(record.resolvedAt) : 0;
      if (!resolvedAt || +now - resolvedAt > caseLimits.disputeWindowDays * DAY_MS)
        throw new AppError('CASE_DISPUTE_WINDOW_CLOSED');
      e.patch = { outcome: null, closedAt: null, rating: null, ratingComment: null, ratedAt: null };
      break;
    }
    case 'reopen':
      e.patch = { outcome: null, closedAt: null, rejectReason: null };
      break;
    case 'merge': {
      const target = await m.findOne(CaseRecord, { where: { id: input.mergeIntoId as string } });
      if (!target || target.id === record.id) throw new AppError('CASE_NOT_FOUND', '要合并到的工单不存在');
      requireScope(actor, target.scopePath);
      if (['closed', 'rejected', 'merged'].includes(target.status))
        throw new AppError('CASE_TRANSITION_INVALID', '只能合并到未办结的工单');
      e.patch = { mergedIntoId: target.id, closedAt: now };
      e.data.mergedInto = target.no;
      await moveFollowers(m, record, target);
      break;
    }
    default:
      break;
  }
  return e;
}

/** Merging: the duplicate's reporter (a resident) and followers now follow the surviving case. */
async function moveFollowers(m: EntityManager, from: CaseRecord, into: CaseRecord): Promise<void> {
  const followers = (await m.find(CaseFollower, { where: { caseId: from.id } })).map((f) => f.userId);
  if (from.reporterKind === 'mp') followers.push(from.reporterId);
  const already = new Set((await m.find(CaseFollower, { where: { caseId: into.id } })).map((f) => f.userId));
  const added = [...new Set(followers)].filter(
    (id) => !already.has(id) && !(into.reporterKind === 'mp' && into.reporterId === id),
  );
  if (!added.length) return;
  await m.insert(
    CaseFollower,
    added.map((userId) => ({ caseId: into.id, userId })),
  );
  await m.increment(CaseRecord, { id: into.id }, 'followerCount', added.length);
}
