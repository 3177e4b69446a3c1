import type { PartyOrg } from './party-org.entity';

/** The path of a new organisation under `parent` (null: the top of the tree). */
export function childPath(parent: Pick<PartyOrg, 'path'> | null, id: string): string {
  return `${parent?.path ?? '/'}${id}/`;
}

/** The parent's path (`/a/b/` → `/a/`), or null for the top of the tree. */
export function parentPathOf(path: string): string | null {
  const parts = path.split('/').filter(Boolean);
  return parts.length > 1 ? `/${parts.slice(0, -1).join('/')}/` : null;
}
