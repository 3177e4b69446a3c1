import type { DataSource, EntityTarget, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { AppError } from '../errors/app-error';
import type { Principal } from '../auth/principal';
import { applyScope, assertInScope } from './data-scope';

export interface PageRequest {
  page: number;
  pageSize: number;
}

export interface Page<T> {
  items: T[];
  total: number;
}

/**
 * The only way services touch region-scoped records: every list, read, update and delete goes
 * through the principal's scope, so no endpoint can forget it. Records outside the scope behave
 * exactly like records that do not exist.
 */
export class ScopedRepository<T extends ObjectLiteral & { id: string }> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly entity: EntityTarget<T>,
    /** Property name of the materialized scope path on the entity (e.g. `scopePath`). */
    private readonly scopeProperty: keyof T & string,
    private readonly alias = 'r',
  ) {}

  private get scopeColumn(): string {
    const meta = this.dataSource.getMetadata(this.entity);
    const column = meta.findColumnWithPropertyName(this.scopeProperty);
    if (!column) throw new Error(`No scope column ${this.scopeProperty} on ${meta.name}`);
    return `${this.alias}.${column.databaseName}`;
  }

  /**
   * A query already restricted to the principal's scope, narrowed to the subtree `within` when given
   * (see applyScope); callers add filters and order.
   */
  query(principal: Principal, within?: string | null): SelectQueryBuilder<T> {
    const qb = this.dataSource.getRepository(this.entity).createQueryBuilder(this.alias);
    return applyScope(qb, principal, this.scopeColumn, within);
  }

  async list(
    principal: Principal,
    page: PageRequest,
    refine: (qb: SelectQueryBuilder<T>) => SelectQueryBuilder<T> = (qb) => qb,
    within?: string | null,
  ): Promise<Page<T>> {
    const [items, total] = await refine(this.query(principal, within))
      .skip((page.page - 1) * page.pageSize)
      .take(page.pageSize)
      .getManyAndCount();
    return { items, total };
  }

  /** The record if it exists and is in scope; NOT_FOUND otherwise. */
  async get(principal: Principal, id: string): Promise<T> {
    const record = await this.query(principal).andWhere(`${this.alias}.id = :id`, { id }).getOne();
    if (!record) throw new AppError('NOT_FOUND');
    return record;
  }

  /**
   * Applies `change` to an in-scope record and saves it. A change that moves the record must keep
   * it inside the scope: nobody can push a record out of their own subtree into another's.
   */
  async update(principal: Principal, id: string, change: (record: T) => void | Promise<void>): Promise<T> {
    const record = await this.get(principal, id);
    await change(record);
    assertInScope(principal, record[this.scopeProperty] as unknown as string);
    return this.dataSource.getRepository(this.entity).save(record);
  }

  async delete(principal: Principal, id: string): Promise<void> {
    const record = await this.get(principal, id);
    await this.dataSource.getRepository(this.entity).remove(record);
  }
}
