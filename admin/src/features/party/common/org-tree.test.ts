import { describe, expect, it } from 'vitest';
import type { PartyOrgVO } from '@zhili/shared';
import { nestOrgs, orgOptions } from './org-tree';

const org = (id: string, parentId: string | null, type: PartyOrgVO['type'], status: PartyOrgVO['status'] = 'active') =>
  ({ id, parentId, type, status, name: id }) as PartyOrgVO;

describe('the organisation tree', () => {
  const flat = [
    org('committee', null, 'committee'),
    org('a', 'committee', 'branch'),
    org('a1', 'a', 'group'),
    org('b', 'committee', 'branch', 'merged'),
  ];

  it('nests children under their parents in the order sent', () => {
    const [root] = nestOrgs(flat);
    expect(root.id).toBe('committee');
    expect(root.children.map((n) => n.id)).toEqual(['a', 'b']);
    expect(root.children[0].children.map((n) => n.id)).toEqual(['a1']);
  });

  it('starts a secretary’s tree at their branch when the parent is out of scope', () => {
    expect(nestOrgs(flat.slice(1, 3)).map((n) => n.id)).toEqual(['a']);
  });

  it('offers active organisations, indented by depth, with their type', () => {
    expect(orgOptions(flat).map((o) => o.label)).toEqual(['committee（党委）', '　a（党支部）', '　　a1（党小组）']);
    expect(orgOptions(flat, (o) => o.type === 'branch').map((o) => o.value)).toEqual(['a']);
  });
});
