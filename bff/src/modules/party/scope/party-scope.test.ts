import { inPartyScope, outermostPaths, scopePrefixes, type PartyScope } from './party-scope';

const branchA = '/town/a/';
const groupA1 = '/town/a/g1/';
const branchB = '/town/b/';
const secretaryA: PartyScope = { all: false, paths: [branchA] };
const townWide: PartyScope = { all: true };
const nobody: PartyScope = { all: false, paths: [] };

describe('party scope', () => {
  it('keeps only the outermost of nested assignments', () => {
    expect(outermostPaths([groupA1, branchA, branchB, branchA])).toEqual([branchA, branchB]);
  });

  it.each<[PartyScope, string, boolean]>([
    [secretaryA, branchA, true],
    [secretaryA, groupA1, true],
    [secretaryA, branchB, false],
    [secretaryA, '/town/', false],
    [secretaryA, '/town/ab/', false],
    [townWide, branchB, true],
    [nobody, branchA, false],
  ])('%j covers %s: %s', (scope, path, covered) => {
    expect(inPartyScope(scope, path)).toBe(covered);
  });

  it.each<[string, PartyScope, string | undefined, string[] | null]>([
    ['the town sees everything', townWide, undefined, null],
    ['the town narrowed to a branch', townWide, branchB, [branchB]],
    ['a secretary sees their branch', secretaryA, undefined, [branchA]],
    ['a secretary narrowed to a group of theirs', secretaryA, groupA1, [groupA1]],
    ['a secretary narrowed to the committee keeps their branch only', secretaryA, '/town/', [branchA]],
    ['a secretary narrowed to another branch sees nothing', secretaryA, branchB, []],
    ['no assignment sees nothing', nobody, undefined, []],
  ])('%s', (_name, scope, within, prefixes) => {
    expect(scopePrefixes(scope, within)).toEqual(prefixes);
  });
});
