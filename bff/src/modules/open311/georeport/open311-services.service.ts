import { Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectEntityModel } from '@midwayjs/typeorm';
import { Repository } from 'typeorm';
import type { Open311DiscoveryVO, Open311ServiceDefinitionVO, Open311ServiceVO } from '@zhili/shared';
import { CaseCategory } from '../../case';
import { notFound } from './open311-error';
import { formatW3 } from './open311-params';

/**
 * The service side of GeoReport v2: discovery, the service list (our active case categories) and
 * service definitions. We define no extra attributes, so every service has `metadata: false` and an
 * empty attribute list; every service is `realtime` (the case number comes back at once).
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class Open311ServicesService {
  @InjectEntityModel(CaseCategory)
  private categories!: Repository<CaseCategory>;

  async list(): Promise<Open311ServiceVO[]> {
    const rows = await this.categories.find({ where: { active: true }, order: { sortOrder: 'ASC', code: 'ASC' } });
    return rows.map((c) => ({
      service_code: c.code,
      service_name: c.name,
      description: c.description ?? c.name,
      metadata: false,
      type: 'realtime',
      keywords: [c.name, c.department].filter(Boolean).join(','),
      group: c.department,
    }));
  }

  /** The definition of an active service; unknown or deactivated codes do not exist (404). */
  async definition(code: string): Promise<Open311ServiceDefinitionVO> {
    const category = await this.categories.findOneBy({ code, active: true });
    if (!category) throw notFound(`service_code ${code} `);
    return { service_code: category.code, attributes: [] };
  }

  /**
   * The discovery document. Its changesets move whenever a category (the service list or a
   * definition) changes, which tells clients to refresh what they cached.
   */
  async discovery(endpointUrl: string): Promise<Open311DiscoveryVO> {
    const latest = await this.categories.find({
      order: { updatedAt: 'DESC' },
      take: 1,
      select: { code: true, updatedAt: true },
    });
    const changeset = formatW3(latest[0]?.updatedAt ?? new Date(0));
    return {
      changeset,
      contact: '请联系本镇政务服务中心（镇级管理人员）咨询 Open311 接口事宜',
      key_service: 'api_key 由镇级管理人员在管理端「工单配置 · Open311 密钥」中签发，仅在签发时显示一次',
      endpoints: [
        {
          specification: 'http://wiki.open311.org/GeoReport_v2',
          url: endpointUrl,
          changeset,
          type: 'production',
          formats: ['text/xml', 'application/json'],
        },
      ],
    };
  }
}
