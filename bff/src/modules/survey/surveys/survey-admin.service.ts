import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectDataSource } from '@midwayjs/typeorm';
import { randomUUID } from 'crypto';
import { DataSource, In } from 'typeorm';
import { surveyPhase } from '@zhili/shared';
import type { SurveyAudience, SurveyInput, SurveyStatus, SurveyTargetsVO, SurveyVO } from '@zhili/shared';
import type { Principal } from '../../../core/auth/principal';
import { Acting, AuditActorService } from '../../../core/audit';
import { AppError } from '../../../core/errors/app-error';
import { inScope, scopePrefix } from '../../../core/scope/data-scope';
import type { Page } from '../../../core/scope/scoped-repository';
import { inPartyScope, PartyOrg, PartyScopeService } from '../../party';
import type { PartyScope } from '../../party';
import { Region } from '../../region';
import { todayInShanghai } from '../../registry';
import { applySurveyScope } from '../common/survey-scope';
import { Survey } from './survey.entity';

const invalid = (field: string, message: string) => new AppError('VALIDATION_FAILED', undefined, [{ field, message }]);
const notFound = () => new AppError('NOT_FOUND', '问卷不存在或不在您的负责范围内');
/** The path of a members' survey addressed to every member of the town. */
export const ALL_MEMBERS_PATH = '/';
const RESIDENT_LEVELS = ['town', 'village', 'community'];

/** Surveys and consultations in the portal: drafting, publishing, closing, within the caller's scopes. */
@Provide()
@Scope(ScopeEnum.Singleton)
export class SurveyAdminService {
  @InjectDataSource()
  private dataSource!: DataSource;

  @Inject()
  private partyScopes!: PartyScopeService;

  @Inject()
  private audit!: AuditActorService;

  private visible(principal: Principal, party: PartyScope, s: Survey): boolean {
    return s.audience === 'members' ? inPartyScope(party, s.orgPath ?? '') : inScope(principal, s.regionPath);
  }

  /** The survey if the caller may see it; 404 otherwise (no probing of other branches' or villages' ids). */
  async getInScope(principal: Principal, id: string): Promise<Survey> {
    const survey = await this.dataSource.getRepository(Survey).findOneBy({ id });
    if (!survey || !this.visible(principal, await this.partyScopes.scopeOf(principal), survey)) throw notFound();
    return survey;
  }

  async list(
    principal: Principal,
    q: { page: number; pageSize: number; audience?: SurveyAudience; status?: SurveyStatus },
  ): Promise<Page<SurveyVO>> {
    const qb = applySurveyScope(
      this.dataSource.getRepository(Survey).createQueryBuilder('s'),
      's',
      await this.partyScopes.scopeOf(principal),
      scopePrefix(principal),
    );
    if (q.audience) qb.andWhere('s.audience = :audience', { audience: q.audience });
    if (q.status) qb.andWhere('s.status = :status', { status: q.status });
    const [items, total] = await qb
      .orderBy('s.createdAt', 'DESC')
      .addOrderBy('s.id', 'ASC')
      .skip((q.page - 1) * q.pageSize)
      .take(q.pageSize)
      .getManyAndCount();
    return { items: await this.toVOs(items), total };
  }

  async targets(principal: Principal): Promise<SurveyTargetsVO> {
    const party = await this.partyScopes.scopeOf(principal);
    const orgs = (await this.dataSource.getRepository(PartyOrg).findBy({ status: 'active' }))
      .filter((o) => inPartyScope(party, o.path))
      .sort((a, b) => a.path.length - b.path.length || a.sortOrder - b.sortOrder || a.name.localeCompare(b.name));
    const prefix = scopePrefix(principal);
    const regions = prefix
      ? (await this.dataSource.getRepository(Region).findBy({ level: In(RESIDENT_LEVELS) }))
          .filter((r) => r.path.startsWith(prefix))
          .sort((a, b) => a.path.length - b.path.length || a.name.localeCompare(b.name))
      : [];
    return {
      allMembers: party.all,
      orgs: orgs.map((o) => ({ id: o.id, name: o.name })),
      regions: regions.map((r) => ({ id: r.id, name: r.name, level: r.level })),
    };
  }

  /** The addressed organisation or region, checked against the caller's scopes. */
  private async targetOf(principal: Principal, input: SurveyInput) {
    if (input.audience === 'members') {
      const party = await this.partyScopes.scopeOf(principal);
      if (!input.orgId) {
        if (!party.all) throw invalid('orgId', '请选择党组织（只有镇党委可以面向全体党员）');
        return { orgId: null, orgPath: ALL_MEMBERS_PATH, regionId: null, regionPath: null };
      }
      const org = await this.dataSource.getRepository(PartyOrg).findOneBy({ id: input.orgId });
      if (!org || org.status !== 'active' || !inPartyScope(party, org.path))
        throw invalid('orgId', '党组织不存在或不在您的负责范围内');
      return { orgId: org.id, orgPath: org.path, regionId: null, regionPath: null };
    }
    const region = await this.dataSource.getRepository(Region).findOneBy({ id: input.regionId ?? '' });
    if (!region || !RESIDENT_LEVELS.includes(region.level) || !inScope(principal, region.path))
      throw invalid('regionId', '村（社区）不存在或不在您的管辖范围内');
    return { orgId: null, orgPath: null, regionId: region.id, regionPath: region.path };
  }

  private async fieldsOf(principal: Principal, input: SurveyInput) {
    return {
      audience: input.audience,
      ...(await this.targetOf(principal, input)),
      title: input.title,
      description: input.description || null,
      anonymous: input.anonymous,
      opensOn: input.opensOn,
      closesOn: input.closesOn,
      questions: input.questions.map((q, i) => ({
        id: `q${i + 1}`,
        kind: q.kind,
        title: q.title,
        required: q.required,
        options: q.kind === 'single' || q.kind === 'multiple' ? q.options : [],
      })),
    };
  }

  async create(acting: Acting, input: SurveyInput): Promise<SurveyVO> {
    const survey = this.dataSource.getRepository(Survey).create({
      id: randomUUID(),
      ...(await this.fieldsOf(acting.actor, input)),
      status: 'draft',
      responseCount: 0,
      publishedAt: null,
      closedAt: null,
      actorId: acting.actor.id,
    });
    await this.dataSource.getRepository(Survey).insert(survey);
    await this.record(acting, 'party.survey.save', survey.id);
    return this.toVO(await this.dataSource.getRepository(Survey).findOneByOrFail({ id: survey.id }));
  }

  async update(acting: Acting, id: string, input: SurveyInput): Promise<SurveyVO> {
    await this.getInScope(acting.actor, id);
    const fields = await this.fieldsOf(acting.actor, input);
    // The status in the WHERE: a publish that slipped in between the read and the write wins.
    const result = await this.dataSource
      .getRepository(Survey)
      .createQueryBuilder()
      .update(Survey)
      .set(fields)
      .where('id = :id AND status = :draft', { id, draft: 'draft' })
      .execute();
    if (result.affected === 0) throw new AppError('CONFLICT', '问卷已发布，不能再修改');
    await this.record(acting, 'party.survey.save', id);
    return this.toVO(await this.dataSource.getRepository(Survey).findOneByOrFail({ id }));
  }

  async publish(acting: Acting, id: string, now = new Date()): Promise<SurveyVO> {
    const survey = await this.getInScope(acting.actor, id);
    if (survey.status !== 'draft') throw new AppError('CONFLICT', '问卷已发布过');
    if (survey.closesOn < todayInShanghai(now)) throw invalid('closesOn', '结束日期已过，请先修改日期再发布');
    const result = await this.dataSource
      .getRepository(Survey)
      .update({ id, status: 'draft' }, { status: 'published', publishedAt: now.toISOString() });
    if (result.affected === 0) throw new AppError('CONFLICT', '问卷已发布过');
    await this.record(acting, 'party.survey.publish', id);
    return this.toVO(await this.dataSource.getRepository(Survey).findOneByOrFail({ id }));
  }

  async close(acting: Acting, id: string, now = new Date()): Promise<SurveyVO> {
    const survey = await this.getInScope(acting.actor, id);
    if (survey.status === 'draft') throw new AppError('CONFLICT', '草稿尚未发布，无需结束');
    if (survey.status === 'published') {
      await this.dataSource
        .getRepository(Survey)
        .update({ id, status: 'published' }, { status: 'closed', closedAt: now.toISOString() });
      await this.record(acting, 'party.survey.close', id);
    }
    return this.toVO(await this.dataSource.getRepository(Survey).findOneByOrFail({ id }));
  }

  async record(
    acting: Acting,
    action: 'party.survey.save' | 'party.survey.publish' | 'party.survey.close' | 'party.survey.results.export',
    id: string,
  ): Promise<void> {
    await this.audit.record(acting, { action, resourceType: 'survey', resourceId: id, result: 'success' });
  }

  async toVO(survey: Survey): Promise<SurveyVO> {
    return (await this.toVOs([survey]))[0];
  }

  async toVOs(surveys: readonly Survey[], now = new Date()): Promise<SurveyVO[]> {
    const names = await this.targetNames(surveys);
    const today = todayInShanghai(now);
    return surveys.map((s) => ({
      id: s.id,
      audience: s.audience,
      orgId: s.orgId,
      regionId: s.regionId,
      targetName: names.get(s.id) ?? '',
      title: s.title,
      description: s.description,
      anonymous: !!s.anonymous,
      opensOn: s.opensOn,
      closesOn: s.closesOn,
      status: s.status,
      phase: surveyPhase(s, today),
      questions: s.questions,
      responseCount: s.responseCount,
      publishedAt: s.publishedAt,
      closedAt: s.closedAt,
      createdAt: s.createdAt.toISOString(),
    }));
  }

  /** Who each survey asks, by name: the organisation, the region, or 全体党员. */
  async targetNames(surveys: readonly Pick<Survey, 'id' | 'orgId' | 'regionId'>[]): Promise<Map<string, string>> {
    const orgIds = [...new Set(surveys.flatMap((s) => (s.orgId ? [s.orgId] : [])))];
    const regionIds = [...new Set(surveys.flatMap((s) => (s.regionId ? [s.regionId] : [])))];
    const orgs = orgIds.length ? await this.dataSource.getRepository(PartyOrg).findBy({ id: In(orgIds) }) : [];
    const regions = regionIds.length ? await this.dataSource.getRepository(Region).findBy({ id: In(regionIds) }) : [];
    const byId = new Map<string, string>([...orgs, ...regions].map((x) => [x.id, x.name]));
    return new Map(
      surveys.map((s) => [s.id, s.orgId || s.regionId ? (byId.get(s.orgId ?? s.regionId ?? '') ?? '') : '全体党员']),
    );
  }
}
