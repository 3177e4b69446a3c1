// Deterministic test identities for the WeChat simulator.
//
// Kept free of any server imports on purpose: seed scripts and the BFF's tests import this to
// pre-create users for known identities ("alice", "bob", ...) and must not pull in node:http.
import { createHash } from 'node:crypto';

/** Length of a real mini-program openid, e.g. "oqYfk5PC0vg65jHoncUD8TEvLadU". */
export const OPENID_LENGTH = 28;

/**
 * 'o' + 27 base64url chars of sha256(appid, identity).
 *
 * Real openids are 28 chars starting with 'o' and are per-app: the same WeChat user gets a
 * different openid in every mini-program. Hashing the appid in reproduces that, so a client
 * that mixes up apps sees different users, exactly as in production. The NUL separator keeps
 * ("ab", "c") and ("a", "bc") apart.
 */
export function simOpenid(appid: string, identity: string): string {
  const digest = createHash('sha256').update(`${appid}\u0000${identity}`).digest('base64url');
  return `o${digest.slice(0, OPENID_LENGTH - 1)}`;
}

/**
 * unionid shared by all apps bound to the same open-platform account (`unionGroup`).
 * Unlike the openid it does not depend on the appid, which is the whole point of a unionid.
 */
export function simUnionid(unionGroup: string, identity: string): string {
  const digest = createHash('sha256').update(`union\u0000${unionGroup}\u0000${identity}`).digest('base64url');
  return `o${digest.slice(0, OPENID_LENGTH - 1)}`;
}
