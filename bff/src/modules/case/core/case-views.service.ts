import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectEntityModel } from '@midwayjs/typeorm';
import { In, Repository } from 'typeorm';
import { availableCaseActions, caseSlaState, maskPhone } from '@zhili/shared';
import type {
  CaseSlaState,
  CaseDetailVO,
  CaseEventVO,
  CaseListItemVO,
  CasePhotoVO,
  MpTaskDetailVO,
  MpTaskItemVO,
} from '@zhili/shared';
import type { Principal } from '../../../core/auth/principal';
import { PiiCipher } from '../../../core/crypto/pii-cipher';
import { FileLinkService } from '../../file';
import { Region } from '../../region';
import { CaseCategory, CaseEvent, CaseRecord } from '../entities';
import { CaseActorResolver } from './case-actor';

const iso = (d: Date | null): string | null => (d ? new Date(d).toISOString() : null);

/** Staff at village/community level or below see anonymous reporters as 匿名 (town paths have one segment). */
export function seesAnonymousReporters(viewer: Principal): boolean {
  if (viewer.kind !== 'staff') return false;
  const depth = (viewer.scopePath ?? '').split('/').filter(Boolean).length;
  return depth <= 1;
}

/**
 * The case's SLA state by the shared rule — computed here once per case and sent in every view, so
 * the map, the inbox (whose 只看超时 filter is the same rule in SQL, see case-filters.ts), the
 * detail and the mini-program agree. A finished case is `done`, never overdue.
 */
export function slaStateOf(record: Pick<CaseRecord, 'status' | 'dueAt' | 'warnAt'>, now = new Date()): CaseSlaState {
  return caseSlaState({ status: record.status, dueAt: record.dueAt, warnAt: record.warnAt }, now);
}

/** Open and past its deadline (`slaStateOf(…) === 'overdue'`). */
export function isOverdue(record: Pick<CaseRecord, 'status' | 'dueAt' | 'warnAt'>, now = new Date()): boolean {
  return slaStateOf(record, now) === 'overdue';
}

/** `slaState` and its `overdue` shorthand, as every case view carries them. */
export function slaFields(
  record: Pick<CaseRecord, 'status' | 'dueAt' | 'warnAt'>,
  now = new Date(),
): { slaState: CaseSlaState; overdue: boolean } {
  const slaState = slaStateOf(record, now);
  return { slaState, overdue: slaState === 'overdue' };
}

/**
 * Shapes case records into the wire VOs of `@zhili/shared` (api/case.ts): names of categories and
 * regions, signed photo links, masking and the anonymity rule. Batch methods read each lookup once.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class CaseViewsService {
  @InjectEntityModel(CaseCategory)
  private categories!: Repository<CaseCategory>;

  @InjectEntityModel(Region)
  private regions!: Repository<Region>;

  @InjectEntityModel(CaseEvent)
  private eventRepo!: Repository<CaseEvent>;

  @Inject()
  private links!: FileLinkService;

  @Inject()
  private cipher!: PiiCipher;

  @Inject()
  private actors!: CaseActorResolver;

  /** Signed links for stored files. */
  photos(ids: readonly string[], phase: CasePhotoVO['phase']): CasePhotoVO[] {
    return ids.map((id) => ({ id, url: this.links.url(id), phase }));
  }

  async categoryMap(): Promise<Map<string, CaseCategory>> {
    return new Map((await this.categories.find()).map((c) => [c.code, c]));
  }

  private async regionNames(ids: readonly string[]): Promise<Map<string, string>> {
    const unique = [...new Set(ids)];
    if (!unique.length) return new Map();
    const rows = await this.regions.find({ where: { id: In(unique) }, select: { id: true, name: true } });
    return new Map(rows.map((r) => [r.id, r.name]));
  }

  async listItems(records: readonly CaseRecord[], now = new Date()): Promise<CaseListItemVO[]> {
    const [cats, names] = await Promise.all([this.categoryMap(), this.regionNames(records.map((r) => r.regionId))]);
    return records.map((r) => ({
      id: r.id,
      no: r.no,
      categoryCode: r.categoryCode,
      categoryName: cats.get(r.categoryCode)?.name ?? r.categoryCode,
      description: r.description,
      status: r.status,
      outcome: r.outcome,
      priority: r.priority,
      source: r.source,
      address: r.address,
      location: r.lng !== null && r.lat !== null ? [r.lng, r.lat] : null,
      regionId: r.regionId,
      regionName: names.get(r.regionId) ?? '',
      assignee:
        r.assigneeId && r.assigneeKind ? { kind: r.assigneeKind, id: r.assigneeId, name: r.assigneeName ?? '' } : null,
      department: r.department,
      escalationLevel: r.escalationLevel,
      followerCount: r.followerCount,
      acceptDueAt: iso(r.acceptDueAt),
      dueAt: iso(r.dueAt),
      ...slaFields(r, now),
      rating: r.rating,
      createdAt: iso(r.createdAt) as string,
      updatedAt: iso(r.updatedAt) as string,
      resolvedAt: iso(r.resolvedAt),
      closedAt: iso(r.closedAt),
      thumbUrl: r.photoIds.length ? this.links.url(r.photoIds[0]) : null,
    }));
  }

  /** The timeline, oldest first. Photos of the report itself are `before`, all later ones `after`. */
  async events(caseId: string): Promise<CaseEventVO[]> {
    const rows = await this.eventRepo.find({ where: { caseId }, order: { seq: 'ASC' } });
    return rows.map((e) => ({
      id: e.id,
      seq: e.seq,
      type: e.type,
      fromStatus: e.fromStatus,
      toStatus: e.toStatus,
      actor: { kind: e.actorKind, name: e.actorName },
      note: e.note,
      photos: this.photos(e.photoIds, e.type === 'created' ? 'before' : 'after'),
      data: e.data,
      createdAt: iso(e.createdAt) as string,
    }));
  }

  /** Full staff view; the actions offered are the viewer's own. */
  async detail(record: CaseRecord, viewer: Principal): Promise<CaseDetailVO> {
    const [item] = await this.listItems([record]);
    const hidden = record.anonymous && !seesAnonymousReporters(viewer);
    const phone = hidden ? null : this.cipher.open(record.contactPhone);
    const actor = this.actors.forPrincipal(viewer, record, '');
    const actions = actor ? availableCaseActions(record.status, actor.role) : [];
    return {
      ...item,
      reporter: {
        anonymous: record.anonymous,
        name: hidden ? '匿名' : (record.reporterName ?? '居民'),
        phone: phone ? maskPhone(phone) : null,
      },
      photos: this.photos(record.photoIds, 'before'),
      events: await this.events(record.id),
      availableActions: actions,
      rejectReason: record.rejectReason,
      resolution: record.resolution,
      ratingComment: record.ratingComment,
      mergedIntoId: record.mergedIntoId,
      external:
        record.externalSystem && record.externalId ? { system: record.externalSystem, id: record.externalId } : null,
      version: record.version,
    };
  }

  async taskItems(records: readonly CaseRecord[], now = new Date()): Promise<MpTaskItemVO[]> {
    const items = await this.listItems(records, now);
    return items.map((i) => ({
      id: i.id,
      no: i.no,
      categoryName: i.categoryName,
      description: i.description,
      status: i.status,
      priority: i.priority,
      address: i.address,
      location: i.location,
      dueAt: i.dueAt,
      slaState: i.slaState,
      overdue: i.overdue,
      thumbUrl: i.thumbUrl,
      createdAt: i.createdAt,
    }));
  }

  async taskItem(record: CaseRecord): Promise<MpTaskItemVO> {
    return (await this.taskItems([record]))[0];
  }

  /** The assigned worker's view (no reporter identity at all). */
  async taskDetail(record: CaseRecord, worker: Principal): Promise<MpTaskDetailVO> {
    const item = await this.taskItem(record);
    const isAssignee = this.actors.forPrincipal(worker, record, '', 'assignee')?.role === 'assignee';
    return {
      ...item,
      photos: this.photos(record.photoIds, 'before'),
      events: await this.events(record.id),
      availableActions: isAssignee ? availableCaseActions(record.status, 'assignee') : [],
      version: record.version,
    };
  }
}
