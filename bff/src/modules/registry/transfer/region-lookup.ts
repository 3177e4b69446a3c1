import type { Region } from '../../region';

/** The one answer for unknown and out-of-scope regions alike, so other villages cannot be probed. */
export const REGION_NOT_FOUND = '区域不存在或不在管辖范围内';
const REGION_AMBIGUOUS = '区域名称不唯一，请填写从镇开始的完整路径（与导出文件的“所属区域”列相同）或 12 位区划代码';

export interface RegionRef {
  id: string;
  path: string;
  /** Names from the root down, joined by `/` (e.g. `青山镇/幸福村/第一网格`). */
  namePath: string;
}

export type RegionMatch = { ok: true; region: RegionRef } | { ok: false; message: string };

/** Ids of a materialized path `/a/b/c/` → `[a, b, c]`. */
const idsOf = (path: string) => path.split('/').filter(Boolean);

/** Full name paths of regions (ids of a path whose region is unknown are skipped). */
export function namePaths(regions: readonly Pick<Region, 'id' | 'name' | 'path'>[]): Map<string, string> {
  const names = new Map(regions.map((r) => [r.id, r.name]));
  return new Map(
    regions.map((r) => [
      r.id,
      idsOf(r.path)
        .map((id) => names.get(id) ?? '')
        .filter(Boolean)
        .join('/'),
    ]),
  );
}

/**
 * The region the import template's example rows use: the first of the deepest regions (a grid,
 * where people live) in the caller's scope, as the full name path from the town — the notation the
 * export writes, so a template, an import and an export all read alike. null when the caller's
 * scope holds no region.
 */
export function exampleRegionPath(all: readonly Region[], scopePrefix: string | null): string | null {
  const paths = namePaths(all);
  const byName = (a: Region, b: Region) => {
    const [x, y] = [paths.get(a.id) ?? '', paths.get(b.id) ?? ''];
    return x < y ? -1 : x > y ? 1 : 0;
  };
  const candidates = all
    .filter((r) => scopePrefix && r.path.startsWith(scopePrefix))
    .sort(
      (a, b) =>
        idsOf(b.path).length - idsOf(a.path).length || (a.code ?? '').localeCompare(b.code ?? '') || byName(a, b),
    );
  return candidates.length ? (paths.get(candidates[0].id) ?? null) : null;
}

/**
 * Resolves the 所属区域 cell of an import row among the regions of the caller's subtree: a 12-digit
 * statistical code, or a name path matched on its last segments: the full path from the town as the
 * export and the template write it (`青山镇/幸福村/第一网格`), a path relative to the caller's scope
 * (`幸福村/第一网格` for a town admin, `第一网格` for a village admin), or any unique tail.
 * Regions outside the scope are simply not candidates.
 */
export class RegionLookup {
  private readonly byCode = new Map<string, RegionRef>();
  private readonly inScope: { ref: RegionRef; segments: string[] }[] = [];
  private readonly cache = new Map<string, RegionMatch>();

  constructor(all: readonly Region[], scopePrefix: string | null) {
    const paths = namePaths(all);
    for (const r of all) {
      if (!scopePrefix || !r.path.startsWith(scopePrefix)) continue;
      const ref = { id: r.id, path: r.path, namePath: paths.get(r.id) ?? r.name };
      this.inScope.push({ ref, segments: ref.namePath.split('/') });
      if (r.code) this.byCode.set(r.code, ref);
    }
  }

  resolve(text: string): RegionMatch {
    const key = text.trim();
    let match = this.cache.get(key);
    if (!match) {
      match = this.find(key);
      this.cache.set(key, match);
    }
    return match;
  }

  private find(key: string): RegionMatch {
    if (/^\d{12}$/.test(key)) {
      const ref = this.byCode.get(key);
      return ref ? { ok: true, region: ref } : { ok: false, message: REGION_NOT_FOUND };
    }
    const wanted = key
      .split(/\s*[/／>]\s*/)
      .map((s) => s.trim())
      .filter(Boolean);
    if (wanted.length === 0) return { ok: false, message: REGION_NOT_FOUND };
    const hits = this.inScope.filter(({ segments }) => {
      if (segments.length < wanted.length) return false;
      const tail = segments.slice(segments.length - wanted.length);
      return tail.every((s, i) => s === wanted[i]);
    });
    if (hits.length === 1) return { ok: true, region: hits[0].ref };
    return { ok: false, message: hits.length ? REGION_AMBIGUOUS : REGION_NOT_FOUND };
  }
}
