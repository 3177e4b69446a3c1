/** The party module's scope pieces the course services use, in one place. */
export { inPartyScope, PartyOrg, PartyScopeService } from '../../party';
import type { PartyScope } from '../../party';

/** The path prefixes a scope covers; null = the whole tree (the town committee). */
export function scopePrefixesOf(scope: PartyScope): readonly string[] | null {
  return scope.all ? null : scope.paths;
}
