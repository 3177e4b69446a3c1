import { Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectDataSource } from '@midwayjs/typeorm';
import { DataSource } from 'typeorm';
import { MpRoleGrant, MpUser } from '../../mp-user';
import { Person } from '../../registry';

/**
 * Where a mini-program user lives, as region paths, for residents' consultations and the 群众 of an
 * appraisal. A resident states no address in the mini-program; what the town knows is:
 * - the registry: an active person whose phone is the number WeChat verified for this user (the
 *   keyed hashes match; nothing is decrypted);
 * - the user's grants: the region of a binding code (a party member's village, a grid worker's grid).
 * A user with none of these lives nowhere we know and is asked in no consultation.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class ResidentPlacesService {
  @InjectDataSource()
  private dataSource!: DataSource;

  async pathsOf(mpUserId: string): Promise<string[]> {
    const user = await this.dataSource.getRepository(MpUser).findOneBy({ id: mpUserId });
    if (!user) return [];
    const paths = new Set<string>();
    if (user.scopePath) paths.add(user.scopePath);
    const grants = await this.dataSource.getRepository(MpRoleGrant).findBy({ userId: mpUserId });
    for (const g of grants) paths.add(g.scopePath);
    if (user.phone.hash) {
      const rows = await this.dataSource
        .getRepository(Person)
        .createQueryBuilder('p')
        .select('p.scope_path', 'path')
        .where('p.phone_hash = :hash AND p.status = :active', { hash: user.phone.hash, active: 'active' })
        .limit(20)
        .getRawMany<{ path: string }>();
      for (const r of rows) if (r.path) paths.add(r.path);
    }
    return [...paths];
  }

  /** Whether the user lives in the region subtree `regionPath`. */
  async livesIn(mpUserId: string, regionPath: string): Promise<boolean> {
    return (await this.pathsOf(mpUserId)).some((p) => p.startsWith(regionPath));
  }
}
