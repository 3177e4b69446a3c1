import { memoryStore } from '../../services/key-value-store';
import {
  clearDraft,
  draftKey,
  emptyDraft,
  isDraftEmpty,
  loadDraft,
  saveDraft,
  toSubmitBody,
  type CaseDraft,
} from './case-draft';

const filled = (): CaseDraft => ({
  ...emptyDraft('draft-key-0001', 1),
  categoryCode: 'road',
  description: '  文一路路面塌陷，有一个大坑  ',
  photos: [{ fileId: 'f1', url: '/api/files/f1?sig', localPath: 'tmp/1.jpg' }],
  location: { lng: 120.1, lat: 30.2 },
  address: '文一路 88 号',
});

describe('case draft', () => {
  it('starts fresh with a new key, and keeps that key once saved', () => {
    const store = memoryStore();
    let n = 0;
    const newKey = () => `generated-key-${++n}`;
    const fresh = loadDraft(store, 'u1', newKey);
    expect(fresh.idempotencyKey).toBe('generated-key-1');
    expect(isDraftEmpty(fresh)).toBe(true);
    saveDraft(store, 'u1', { ...fresh, description: '写了一半' });
    const again = loadDraft(store, 'u1', newKey);
    expect(again).toMatchObject({ idempotencyKey: 'generated-key-1', description: '写了一半' });
  });

  it('is per user and gone after clearing', () => {
    const store = memoryStore();
    saveDraft(store, 'u1', filled());
    expect(loadDraft(store, 'u2', () => 'other-key-0001').description).toBe('');
    clearDraft(store, 'u1');
    expect(store.data.has(draftKey('u1'))).toBe(false);
    expect(loadDraft(store, 'u1', () => 'new-key-00001').idempotencyKey).toBe('new-key-00001');
  });

  it('reads a damaged draft defensively', () => {
    const store = memoryStore();
    store.set(draftKey('u1'), {
      idempotencyKey: 'draft-key-0001',
      description: 42,
      photos: [{ fileId: 'f' }, null],
      location: 'here',
      anonymous: 'yes',
    });
    expect(loadDraft(store, 'u1', () => 'x')).toMatchObject({
      idempotencyKey: 'draft-key-0001',
      description: '',
      photos: [],
      location: null,
      anonymous: false,
    });
    store.set(draftKey('u1'), 'garbage');
    expect(loadDraft(store, 'u1', () => 'fresh-key-0001').idempotencyKey).toBe('fresh-key-0001');
  });

  it('builds the submit body with trimmed text, photo ids and no phone when the bound one is used', () => {
    const check = toSubmitBody(filled());
    expect(check).toEqual({
      ok: true,
      body: {
        idempotencyKey: 'draft-key-0001',
        categoryCode: 'road',
        description: '文一路路面塌陷，有一个大坑',
        photoIds: ['f1'],
        location: { lng: 120.1, lat: 30.2 },
        address: '文一路 88 号',
        anonymous: false,
      },
    });
  });

  it('sends another number normalized, and refuses a bad one', () => {
    const ok = toSubmitBody({ ...filled(), contactPhone: '+86 139-1234-5678' });
    expect(ok.ok && ok.body.contactPhone).toBe('13912345678');
    const bad = toSubmitBody({ ...filled(), contactPhone: '12345' });
    expect(bad).toEqual({ ok: false, errors: { contactPhone: '请输入 11 位手机号' } });
  });

  it('names every missing field', () => {
    const check = toSubmitBody(emptyDraft('draft-key-0001'));
    expect(check.ok).toBe(false);
    if (!check.ok) expect(Object.keys(check.errors).sort()).toEqual(['category', 'description', 'location']);
    const long = toSubmitBody({ ...filled(), description: '长'.repeat(501) });
    expect(long.ok).toBe(false);
  });
});
