import { randomBytes } from 'crypto';
import { PiiCipher } from '../../../core/crypto/pii-cipher';
import { buildPersonRecords } from './person-records';
import type { PersonDraft } from './person-rows';

const cipher = PiiCipher.fromEnv({
  PII_KEYS: `k1:${randomBytes(32).toString('base64')}`,
  PII_ACTIVE_KEY_ID: 'k1',
  PII_HMAC_KEY: randomBytes(32).toString('base64'),
});

const draft = (i: number): PersonDraft => ({
  row: i + 2,
  valid: true,
  name: `人${i}`,
  idNumber: `33010219500101${String(i).padStart(4, '0')}`,
  idHash: null,
  gender: 'male',
  birthDate: '1950-01-01',
  phone: `139${String(i).padStart(8, '0')}`,
  hukouType: 'local',
  hukouAddress: null,
  address: null,
  region: { id: 'g1', path: '/t/v/g1/', namePath: '镇/村/网格' },
  householdCode: i % 2 === 0 ? `H-${i}` : `H-${i - 1}`,
  relationToHead: i % 2 === 0 ? 'self' : 'child',
  tagCodes: i % 10 === 0 ? ['elderly_alone'] : [],
  origin: null,
  arrivalDate: null,
  permitStatus: null,
  note: null,
});

describe('person records of an import', () => {
  it('seals every ID and phone, and lets other work run between batches instead of one long block', async () => {
    let turns = 0;
    let spinning = true;
    const spin = () => {
      turns += 1;
      if (spinning) setImmediate(spin);
    };
    setImmediate(spin);
    const records = await buildPersonRecords(
      Array.from({ length: 1000 }, (_, i) => draft(i)),
      new Map(),
      cipher,
      new Date(),
    );
    spinning = false;
    // 1,000 persons in batches of 200: the event loop got at least 4 turns while they were sealed.
    expect(turns).toBeGreaterThanOrEqual(4);
    expect(records.persons).toHaveLength(1000);
    expect(records.newHouseholds).toHaveLength(500);
    expect(records.tags).toHaveLength(100);
    const p = records.persons[7];
    expect(cipher.open(p.idNumber)).toBe('330102195001010007');
    expect(cipher.open(p.phone)).toBe('13900000007');
    expect(p.householdId).toBe(records.newHouseholds[3].id);
  });
});
