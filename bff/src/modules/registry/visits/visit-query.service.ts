import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectEntityModel } from '@midwayjs/typeorm';
import { In, Repository } from 'typeorm';
import type { StoredFileVO, VisitVO } from '@zhili/shared';
import { FileLinkService, StoredFile } from '../../file';
import { Person, Visit } from '../entities';

/**
 * Reading visits as `VisitVO` (person name, photos with fresh signed links). Callers have already
 * checked that the person or visits lie in the caller's scope; this service does not filter again.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class VisitQueryService {
  @InjectEntityModel(Visit)
  private visits!: Repository<Visit>;

  @InjectEntityModel(Person)
  private persons!: Repository<Person>;

  @InjectEntityModel(StoredFile)
  private files!: Repository<StoredFile>;

  @Inject()
  private links!: FileLinkService;

  /** The person's latest visits, newest first (for the person detail). */
  async recentForPerson(personId: string, limit: number): Promise<VisitVO[]> {
    const rows = await this.visits.find({
      where: { personId },
      order: { visitedAt: 'DESC', id: 'DESC' },
      take: Math.max(1, Math.min(limit, 100)),
    });
    return this.toVOs(rows);
  }

  /** Maps visits to their wire shape with two batched lookups (person names, photo files). */
  async toVOs(rows: readonly Visit[]): Promise<VisitVO[]> {
    if (rows.length === 0) return [];
    const personIds = [...new Set(rows.map((v) => v.personId))];
    const photoIds = [...new Set(rows.flatMap((v) => v.photoIds ?? []))];
    const [persons, files] = await Promise.all([
      this.persons.find({ where: { id: In(personIds) }, select: { id: true, name: true } }),
      photoIds.length ? this.files.findBy({ id: In(photoIds) }) : Promise.resolve([]),
    ]);
    const names = new Map(persons.map((p) => [p.id, p.name]));
    const now = new Date();
    const photos = new Map<string, StoredFileVO>(files.map((f) => [f.id, this.links.toVO(f, now)]));
    return rows.map((v) => ({
      id: v.id,
      personId: v.personId,
      personName: names.get(v.personId) ?? '',
      householdId: v.householdId,
      visitorName: v.visitorName,
      visitedAt: new Date(v.visitedAt).toISOString(),
      note: v.note,
      photos: (v.photoIds ?? []).flatMap((id) => {
        const photo = photos.get(id);
        return photo ? [photo] : [];
      }),
    }));
  }
}
