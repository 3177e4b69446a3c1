import Taro from '@tarojs/taro';
import type { MpCaseDetailVO, MpCaseSubmitBody, NearbyCaseVO } from '@zhili/shared';
import { useState } from 'react';
import { enqueueReport } from '../../../services/case-outbox';
import { startCaseOutboxSync } from '../../../services/case-outbox-sync';
import { submitCase } from '../../../services/case-submit';
import { describeError, isAppError } from '../../../services/errors';
import { taroStore } from '../../../services/key-value-store';
import { isOnline } from '../../../services/network';
import { isNetworkError } from '../../../services/retry-policy';
import { caseDetailUrl } from '../../../utils/case-routes';
import type { PhotoUploads } from '../../../utils/case-view/usePhotoUploads';
import { fetchNearby, setFollow } from '../../services/case-api';
import { toSubmitBody, type CaseDraft, type DraftField } from '../../services/case-draft';

export type SubmitPhase =
  | { kind: 'editing' }
  | { kind: 'checking' }
  | { kind: 'nearby'; matches: NearbyCaseVO[]; body: MpCaseSubmitBody; followingId: string | null }
  | { kind: 'submitting' }
  | { kind: 'done'; record: MpCaseDetailVO }
  | { kind: 'queued' };

interface SubmitDeps {
  userId: string;
  draft: CaseDraft;
  uploads: PhotoUploads;
  /** Clears the stored draft (after a confirmed submit, or once the outbox holds it). */
  discard: () => void;
}

function toast(title: string): void {
  void Taro.showToast({ title, icon: 'none', duration: 2500 });
}

/**
 * 提交: check the draft → (offline → outbox) → nearby duplicates (附议 or 仍要提交) → POST. A
 * failure without an answer (network, 5xx) moves the report to the outbox with its key, so it is
 * filed exactly once whatever happened to the lost request.
 */
export function useSubmitReport({ userId, draft, uploads, discard }: SubmitDeps) {
  const [phase, setPhase] = useState<SubmitPhase>({ kind: 'editing' });
  const [errors, setErrors] = useState<Partial<Record<DraftField, string>>>({});

  const queue = (body: MpCaseSubmitBody, pendingPhotos: string[]) => {
    enqueueReport(taroStore, { userId, body, pendingPhotos });
    discard();
    uploads.reset([]);
    setPhase({ kind: 'queued' });
    startCaseOutboxSync();
  };

  const send = async (body: MpCaseSubmitBody) => {
    setPhase({ kind: 'submitting' });
    try {
      const record = await submitCase(body);
      discard();
      uploads.reset([]);
      setPhase({ kind: 'done', record });
    } catch (e) {
      // No answer, or the server failed: whether or not it stored the case, the key makes a resend safe.
      // (429 is the user's hourly limit: say so rather than queue.)
      if (isNetworkError(e) || (isAppError(e) && e.status >= 500)) {
        queue(body, []);
        return;
      }
      setPhase({ kind: 'editing' });
      void Taro.showModal({ title: '提交失败', content: describeError(e), showCancel: false });
    }
  };

  const submit = async () => {
    const check = toSubmitBody(draft);
    if (!check.ok) {
      setErrors(check.errors);
      toast(Object.values(check.errors)[0] ?? '请完善上报内容');
      return;
    }
    setErrors({});
    if (uploads.uploading) return toast('照片上传中，请稍候');
    const failed = uploads.items.filter((p) => p.status === 'failed');
    if (failed.some((p) => !p.offline)) return toast('有照片上传失败，请点 ↻ 重试或删除');
    const pendingPhotos = failed.map((p) => p.localPath);
    if (pendingPhotos.length > 0 || !(await isOnline())) return queue(check.body, pendingPhotos);

    setPhase({ kind: 'checking' });
    let matches: NearbyCaseVO[] = [];
    try {
      matches = await fetchNearby(check.body.location, check.body.categoryCode);
    } catch (e) {
      if (isNetworkError(e)) return queue(check.body, []);
      // The suggestion is a courtesy: without it, submit as usual.
    }
    if (matches.length > 0) setPhase({ kind: 'nearby', matches, body: check.body, followingId: null });
    else await send(check.body);
  };

  /** 附议 instead of filing: +1 on that case and open it. The draft is no longer needed. */
  const follow = async (target: NearbyCaseVO) => {
    if (phase.kind !== 'nearby') return;
    setPhase({ ...phase, followingId: target.id });
    try {
      if (!target.followed) await setFollow(target.id, true);
      discard();
      uploads.reset([]);
      void Taro.redirectTo({ url: caseDetailUrl(target.id) });
    } catch (e) {
      setPhase({ ...phase, followingId: null });
      toast(describeError(e));
    }
  };

  const submitAnyway = () => {
    if (phase.kind === 'nearby') void send(phase.body);
  };

  return { phase, errors, submit, follow, submitAnyway, backToEditing: () => setPhase({ kind: 'editing' }) };
}
