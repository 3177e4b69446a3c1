import { createHash } from 'node:crypto';
import { OPENID_LENGTH, simOpenid, simUnionid } from './identity';

describe('simOpenid', () => {
  it('is 28 chars, starts with "o" and uses the base64url alphabet', () => {
    const openid = simOpenid('wxa000000000000001', 'alice');
    expect(openid).toHaveLength(OPENID_LENGTH);
    expect(openid).toHaveLength(28);
    expect(openid).toMatch(/^o[A-Za-z0-9_-]{27}$/);
  });

  it('is the sha256(appid, identity) prefix — pinned so seeded users stay valid', () => {
    const expected = `o${createHash('sha256').update('wxapp1\u0000alice').digest('base64url').slice(0, 27)}`;
    expect(simOpenid('wxapp1', 'alice')).toBe(expected);
    expect(simOpenid('wxapp1', 'alice')).toBe('ozvTIgexFdUVn9RvDdpH_FFT3J7y');
  });

  it('differs per app and per identity, without concatenation collisions', () => {
    expect(simOpenid('wxa', 'alice')).not.toBe(simOpenid('wxb', 'alice'));
    expect(simOpenid('wxa', 'alice')).not.toBe(simOpenid('wxa', 'bob'));
    expect(simOpenid('ab', 'c')).not.toBe(simOpenid('a', 'bc'));
  });
});

describe('simUnionid', () => {
  it('depends on the open-platform group and identity only', () => {
    expect(simUnionid('zhili', 'alice')).toMatch(/^o[A-Za-z0-9_-]{27}$/);
    expect(simUnionid('zhili', 'alice')).not.toBe(simUnionid('other', 'alice'));
    expect(simUnionid('zhili', 'alice')).not.toBe(simOpenid('zhili', 'alice'));
  });
});
