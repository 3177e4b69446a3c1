import { useCallback, useEffect, useRef, useState } from 'react';
import { newIdempotencyKey } from '../../../services/idempotency-key';
import { taroStore } from '../../../services/key-value-store';
import type { UploadItem } from '../../../utils/case-view/usePhotoUploads';
import {
  clearDraft,
  emptyDraft,
  isDraftEmpty,
  loadDraft,
  saveDraft,
  type CaseDraft,
  type DraftPhoto,
} from '../../services/case-draft';

export interface ReportDraft {
  draft: CaseDraft;
  /** The draft came from storage (show 已恢复草稿). */
  restored: boolean;
  update: (patch: Partial<CaseDraft>) => void;
  /** Forget the draft and start a new one with a new idempotency key. */
  discard: () => void;
}

/** The user's draft, saved to storage on every change and restored when they come back. */
export function useReportDraft(userId: string): ReportDraft {
  const [draft, setDraft] = useState<CaseDraft>(() => loadDraft(taroStore, userId, newIdempotencyKey));
  const [restored, setRestored] = useState(() => !isDraftEmpty(draft));
  // Only user changes are saved: merely opening the page must not store an empty draft.
  const dirty = useRef(false);

  useEffect(() => {
    if (dirty.current) saveDraft(taroStore, userId, draft);
  }, [draft, userId]);

  const update = useCallback((patch: Partial<CaseDraft>) => {
    dirty.current = true;
    setDraft((prev) => ({ ...prev, ...patch, updatedAt: Date.now() }));
  }, []);

  const discard = useCallback(() => {
    dirty.current = false;
    clearDraft(taroStore, userId);
    setRestored(false);
    setDraft(emptyDraft(newIdempotencyKey()));
  }, [userId]);

  return { draft, restored, update, discard };
}

/** Draft photos as picker items (already uploaded). */
export function photosToUploads(photos: DraftPhoto[]): UploadItem[] {
  return photos.map((p) => ({ localPath: p.localPath, status: 'done', fileId: p.fileId, url: p.url }));
}

/** The uploaded picker items as draft photos. */
export function uploadsToPhotos(items: UploadItem[]): DraftPhoto[] {
  return items.flatMap((p) =>
    p.status === 'done' && p.fileId && p.url ? [{ fileId: p.fileId, url: p.url, localPath: p.localPath }] : [],
  );
}
