import { useCallback, useRef, useState } from 'react';
import { describeError } from '../../services/errors';
import { pickPhotos, uploadPhotoWithRetry } from '../../services/photos';
import { isNetworkError } from '../../services/retry-policy';

/** A picked photo and how its upload went. */
export interface UploadItem {
  localPath: string;
  status: 'uploading' | 'done' | 'failed';
  fileId?: string;
  /** Signed link from the BFF (thumbnails of restored drafts). */
  url?: string;
  error?: string;
  /** Failed for lack of network: may still go out later with an offline report. */
  offline?: boolean;
}

export interface PhotoUploads {
  items: UploadItem[];
  /** Opens the picker for up to `max` photos in total and uploads each at once. */
  add: (max: number) => Promise<void>;
  retry: (localPath: string) => Promise<void>;
  remove: (localPath: string) => void;
  /** Replace everything (restoring a draft, after a submit). */
  reset: (items: UploadItem[]) => void;
  uploading: boolean;
  doneIds: string[];
}

/** Photos uploaded right after choosing, so submitting is quick; failures stay visible with ↻. */
export function usePhotoUploads(initial: UploadItem[] = []): PhotoUploads {
  const [items, setItems] = useState<UploadItem[]>(initial);
  const itemsRef = useRef(items);
  itemsRef.current = items;

  const patch = useCallback((localPath: string, change: Partial<UploadItem>) => {
    setItems((prev) => prev.map((p) => (p.localPath === localPath ? { ...p, ...change } : p)));
  }, []);

  const upload = useCallback(
    async (localPath: string) => {
      patch(localPath, { status: 'uploading', error: undefined, offline: undefined });
      try {
        const file = await uploadPhotoWithRetry(localPath);
        patch(localPath, { status: 'done', fileId: file.id, url: file.url });
      } catch (e) {
        patch(localPath, { status: 'failed', error: describeError(e), offline: isNetworkError(e) });
      }
    },
    [patch],
  );

  const add = useCallback(
    async (max: number) => {
      const room = max - itemsRef.current.length;
      const paths = (await pickPhotos(room)).filter((p) => !itemsRef.current.some((x) => x.localPath === p));
      if (paths.length === 0) return;
      setItems((prev) => [...prev, ...paths.map((localPath) => ({ localPath, status: 'uploading' as const }))]);
      await Promise.all(paths.map((p) => upload(p)));
    },
    [upload],
  );

  const remove = useCallback(
    (localPath: string) => setItems((prev) => prev.filter((p) => p.localPath !== localPath)),
    [],
  );

  return {
    items,
    add,
    retry: upload,
    remove,
    reset: setItems,
    uploading: items.some((p) => p.status === 'uploading'),
    doneIds: items.flatMap((p) => (p.status === 'done' && p.fileId ? [p.fileId] : [])),
  };
}
