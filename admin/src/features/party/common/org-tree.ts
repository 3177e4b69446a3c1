import { partyOrgTypeLabels, type PartyOrgType, type PartyOrgVO } from '@zhili/shared';

/** A node of the organisation tree as `el-tree` shows it. */
export interface OrgNode {
  id: string;
  /** The name, for el-tree's filtering and keyboard search. */
  label: string;
  org: PartyOrgVO;
  children: OrgNode[];
}

/**
 * Nests the flat list the BFF sends (parents before children, siblings in order). An organisation
 * whose parent is outside the caller's scope becomes a root: a branch secretary's tree starts at
 * their branch.
 */
export function nestOrgs(flat: readonly PartyOrgVO[]): OrgNode[] {
  const nodes = new Map(flat.map((org) => [org.id, { id: org.id, label: org.name, org, children: [] as OrgNode[] }]));
  const roots: OrgNode[] = [];
  for (const org of flat) {
    const node = nodes.get(org.id) as OrgNode;
    const parent = org.parentId ? nodes.get(org.parentId) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  return roots;
}

/** `{ value, label }` of active organisations, indented by depth, for selects (label says the type). */
export function orgOptions(
  flat: readonly PartyOrgVO[],
  keep: (org: PartyOrgVO) => boolean = () => true,
): { value: string; label: string; type: PartyOrgType }[] {
  const depth = new Map<string, number>();
  for (const org of flat) depth.set(org.id, org.parentId ? (depth.get(org.parentId) ?? -1) + 1 : 0);
  return flat
    .filter((org) => org.status === 'active' && keep(org))
    .map((org) => ({
      value: org.id,
      label: `${'　'.repeat(Math.max(0, depth.get(org.id) ?? 0))}${org.name}（${partyOrgTypeLabels[org.type]}）`,
      type: org.type,
    }));
}
