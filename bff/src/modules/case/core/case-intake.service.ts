import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectDataSource } from '@midwayjs/typeorm';
import { randomUUID } from 'crypto';
import { DataSource, EntityManager } from 'typeorm';
import { caseDeadlines } from '@zhili/shared';
import type { CasePriority, CaseSource } from '@zhili/shared';
import type { Principal } from '../../../core/auth/principal';
import { PiiCipher } from '../../../core/crypto/pii-cipher';
import { isDeadlock, isUniqueViolation } from '../../../core/db/unique-violation';
import { AppError } from '../../../core/errors/app-error';
import { DomainEvents } from '../../../core/events';
import { FileService } from '../../file';
import { GeoIndexService, Region, RegionWorkersService } from '../../region';
import { CaseCategory, CaseEvent, CaseRecord } from '../entities';
import { CaseCalendarService } from './case-calendar.service';
import { ensureCaseNoCounter, nextCaseNo } from './case-numbers';
import { CaseEventAppendedEvent, caseEventAppended, caseEventKey } from './case-events';

export interface CaseIntakeInput {
  source: CaseSource;
  reporter: { kind: 'mp' | 'staff' | 'external'; id: string; name: string | null };
  /** Client-generated per report (or the external order number): repeated submissions are one case. */
  idempotencyKey: string;
  categoryCode: string;
  description: string;
  photoIds?: string[];
  /** GCJ-02. */
  location: { lng: number; lat: number } | null;
  /** The region to file under when there is no location (must be given then). */
  regionId?: string;
  address: string | null;
  anonymous?: boolean;
  contactPhone: string | null;
  priority?: CasePriority;
  external?: { system: string; id: string };
  /** Hold for content review (`pending_review`) instead of `submitted`. */
  hold?: boolean;
  /** The uploader of `photoIds` (they must be theirs and unattached). */
  fileOwner?: Principal;
}

/** Tolerance (m) for a report just outside every grid (GPS error at the town's edge). */
const LOCATION_TOLERANCE_M = 200;
const NUMBER_RETRIES = 5;

/**
 * Turns a report from any source into a case: finds the grid by location, proposes the grid's worker,
 * computes SLA deadlines in working time, and writes the case, its first event and the live
 * notification in one transaction. Idempotent per (reporter, key) and per external reference.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class CaseIntakeService {
  @InjectDataSource()
  private dataSource!: DataSource;

  @Inject()
  private geo!: GeoIndexService;

  @Inject()
  private workers!: RegionWorkersService;

  @Inject()
  private calendar!: CaseCalendarService;

  @Inject()
  private files!: FileService;

  @Inject()
  private cipher!: PiiCipher;

  @Inject()
  private events!: DomainEvents;

  async submit(input: CaseIntakeInput, now = new Date()): Promise<{ record: CaseRecord; created: boolean }> {
    const existing = await this.findExisting(this.dataSource.manager, input);
    if (existing) return { record: existing, created: false };
    const category = await this.dataSource.manager.findOne(CaseCategory, { where: { code: input.categoryCode } });
    if (!category || !category.active) throw new AppError('CASE_CATEGORY_INVALID');
    const region = await this.regionFor(input);
    const proposed = await this.proposedWorker(region.id);
    const priority = input.priority ?? 'normal';
    const deadlines = caseDeadlines(
      now,
      category.slaHours,
      category.acceptHours,
      priority,
      await this.calendar.calendar(),
    );
    await ensureCaseNoCounter(this.dataSource.manager, now);
    for (let attempt = 1; ; attempt++) {
      try {
        const record = await this.dataSource.transaction(async (m) => {
          const no = await nextCaseNo(m, now);
          const row = this.newRecord(input, {
            no,
            region,
            department: category.department,
            priority,
            proposed,
            deadlines,
            now,
          });
          await m.insert(CaseRecord, row);
          if (row.photoIds.length) {
            if (!input.fileOwner)
              throw new AppError('VALIDATION_FAILED', undefined, [{ field: 'photoIds', message: '照片上传者未知' }]);
            await this.files.attach(m, row.photoIds, input.fileOwner, region.path);
          }
          await m.insert(CaseEvent, {
            id: randomUUID(),
            caseId: row.id,
            seq: 1,
            type: 'created',
            fromStatus: null,
            toStatus: row.status,
            actorKind: input.reporter.kind === 'external' ? 'external' : input.reporter.kind,
            actorId: input.reporter.kind === 'external' ? null : input.reporter.id,
            actorName: row.anonymous ? '匿名' : (input.reporter.name ?? '居民').slice(0, 64),
            note: null,
            photoIds: row.photoIds,
            data: { source: input.source, regionName: region.name },
            createdAt: now,
          });
          await this.events.append(
            m,
            CaseEventAppendedEvent,
            caseEventAppended(row, { seq: 1, type: 'created', fromStatus: null, level: null }),
            caseEventKey(row.id, 1),
          );
          return row;
        });
        this.events.kick();
        return {
          record: (await this.dataSource.manager.findOne(CaseRecord, { where: { id: record.id } })) as CaseRecord,
          created: true,
        };
      } catch (err) {
        if (!isUniqueViolation(err) && !isDeadlock(err)) throw err;
        // Either the same report arrived twice at once (answer the first) or the database chose this
        // intake as a deadlock victim (retry).
        const raced = await this.findExisting(this.dataSource.manager, input);
        if (raced) return { record: raced, created: false };
        if (attempt >= NUMBER_RETRIES) throw err;
      }
    }
  }

  private async findExisting(m: EntityManager, input: CaseIntakeInput): Promise<CaseRecord | null> {
    if (input.external) {
      const byRef = await m.findOne(CaseRecord, {
        where: { externalSystem: input.external.system, externalId: input.external.id },
      });
      if (byRef) return byRef;
    }
    return m.findOne(CaseRecord, { where: { reporterId: input.reporter.id, idempotencyKey: input.idempotencyKey } });
  }

  /** The grid containing the point (or nearest within tolerance); otherwise the given region. */
  private async regionFor(input: CaseIntakeInput): Promise<Region> {
    let regionId = input.regionId ?? null;
    if (input.location) {
      const hit = await this.geo.resolve(input.location.lng, input.location.lat, LOCATION_TOLERANCE_M);
      regionId = hit.regionId ?? (input.regionId || null);
      if (!regionId) throw new AppError('CASE_LOCATION_OUTSIDE');
    }
    if (!regionId) throw new AppError('CASE_LOCATION_OUTSIDE');
    const region = await this.dataSource.manager.findOne(Region, { where: { id: regionId } });
    if (!region) throw new AppError('CASE_LOCATION_OUTSIDE');
    return region;
  }

  /**
   * The grid's mini-program grid worker, else its staff grid worker or leader (status stays submitted).
   * Public for 更正位置, which re-proposes when an undispatched case changes grid.
   */
  async proposedWorker(regionId: string): Promise<{ kind: 'mp' | 'staff'; id: string; name: string } | null> {
    const list = (await this.workers.byRegion([regionId])).get(regionId) ?? [];
    const pick =
      list.find((w) => w.kind === 'mp') ??
      list.find((w) => w.role === 'grid_worker') ??
      list.find((w) => w.role === 'grid_leader');
    return pick ? { kind: pick.kind, id: pick.id, name: pick.name } : null;
  }

  private newRecord(
    input: CaseIntakeInput,
    c: {
      no: string;
      region: Region;
      department: string | null;
      priority: CasePriority;
      proposed: { kind: 'mp' | 'staff'; id: string; name: string } | null;
      deadlines: ReturnType<typeof caseDeadlines>;
      now: Date;
    },
  ): CaseRecord {
    return Object.assign(new CaseRecord(), {
      id: randomUUID(),
      no: c.no,
      regionId: c.region.id,
      scopePath: c.region.path,
      categoryCode: input.categoryCode,
      priority: c.priority,
      source: input.source,
      status: input.hold ? 'pending_review' : 'submitted',
      outcome: null,
      description: input.description.trim(),
      address: input.address?.trim() || null,
      lng: input.location?.lng ?? null,
      lat: input.location?.lat ?? null,
      reporterKind: input.reporter.kind,
      reporterId: input.reporter.id,
      reporterName: input.reporter.name,
      contactPhone: this.cipher.seal(input.contactPhone),
      anonymous: Boolean(input.anonymous),
      idempotencyKey: input.idempotencyKey,
      photoIds: [...new Set(input.photoIds ?? [])],
      assigneeKind: c.proposed?.kind ?? null,
      assigneeId: c.proposed?.id ?? null,
      assigneeName: c.proposed?.name ?? null,
      department: c.department,
      escalationLevel: null,
      acceptDueAt: c.deadlines.acceptDueAt,
      dueAt: c.deadlines.dueAt,
      warnAt: c.deadlines.warnAt,
      warnedAt: null,
      overdueAt: null,
      acceptedAt: null,
      dispatchedAt: null,
      resolvedAt: null,
      closedAt: null,
      rejectReason: null,
      resolution: null,
      rating: null,
      ratingComment: null,
      ratedAt: null,
      followerCount: 0,
      mergedIntoId: null,
      externalSystem: input.external?.system ?? null,
      externalId: input.external?.id ?? null,
      subscribedTemplates: [],
      eventCount: 1,
      version: 1,
      createdAt: c.now,
      updatedAt: c.now,
    });
  }
}
