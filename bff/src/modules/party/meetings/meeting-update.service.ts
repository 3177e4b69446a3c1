import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectDataSource } from '@midwayjs/typeorm';
import { DataSource } from 'typeorm';
import type { MeetingDetailVO, MeetingUpdateInput } from '@zhili/shared';
import { Acting, AuditActorService } from '../../../core/audit';
import { FileService } from '../../file';
import { PartyScopeService } from '../scope/party-scope.service';
import { MeetingQueryService } from './meeting-query.service';
import { MeetingViewsService } from './meeting-views.service';
import { PartyMeeting } from './party-meeting.entity';

/** The fields an edit may change, as the audit log lists them. */
const EDITABLE = ['place', 'host', 'topic', 'minutes', 'photoIds'] as const;

/**
 * Editing a meeting after scheduling: place, host, topic, the minutes (纪要) and photos. Time, type and
 * branch stay as scheduled — the invitations, check-ins and the compliance table were made against them.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class MeetingUpdateService {
  @InjectDataSource()
  private dataSource!: DataSource;

  @Inject()
  private scopes!: PartyScopeService;

  @Inject()
  private query!: MeetingQueryService;

  @Inject()
  private views!: MeetingViewsService;

  @Inject()
  private files!: FileService;

  @Inject()
  private audit!: AuditActorService;

  /**
   * A meeting outside the caller's scope is not found (404). New photos must be the caller's own
   * uploads not attached anywhere yet (the file service refuses others, 400 at `photoIds`); they take
   * the meeting's party scope in the same transaction as the edit. Photos left out are dropped.
   */
  async update(acting: Acting, id: string, input: MeetingUpdateInput): Promise<MeetingDetailVO> {
    const scope = await this.scopes.scopeOf(acting.actor);
    const meeting = await this.query.getInScope(scope, id);
    const before = meeting.photoIds ?? [];
    const next = {
      place: input.place,
      host: input.host,
      topic: input.topic,
      minutes: input.minutes || null,
      photoIds: input.photoIds.length ? [...input.photoIds] : null,
    };
    const added = input.photoIds.filter((p) => !before.includes(p));
    await this.dataSource.transaction(async (em) => {
      await this.files.attach(em, added, acting.actor, `party:${meeting.orgPath}`);
      await em.getRepository(PartyMeeting).update({ id: meeting.id }, next);
    });
    const changed = EDITABLE.filter((k) => JSON.stringify(meeting[k] ?? null) !== JSON.stringify(next[k]));
    Object.assign(meeting, next);
    await this.audit.record(acting, {
      action: 'party.meeting.update',
      resourceType: 'party_meeting',
      resourceId: meeting.id,
      result: 'success',
      detail: { changed: changed.join(','), photos: input.photoIds.length },
    });
    return this.views.detail(meeting);
  }
}
