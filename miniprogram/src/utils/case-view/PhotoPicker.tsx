import { Image, Text, View } from '@tarojs/components';
import { useState } from 'react';
import { absoluteFileUrl } from './file-url';
import type { PhotoUploads, UploadItem } from './usePhotoUploads';
import './case-view.css';

interface PhotoPickerProps {
  uploads: PhotoUploads;
  max: number;
  /** `data-test` of the picker; the add tile gets `<dataTest>-add`. */
  dataTest: string;
}

/** The local file while it exists (a restored draft may outlive it), else the uploaded copy. */
function Thumb({ item }: { item: UploadItem }) {
  const [localBroken, setLocalBroken] = useState(false);
  const src = localBroken && item.url ? absoluteFileUrl(item.url) : item.localPath;
  return <Image className="case-photo__img" src={src} mode="aspectFill" onError={() => setLocalBroken(true)} />;
}

/** Thumbnails with upload state (… uploading, ↻ retry, × remove) and the + tile. */
export function PhotoPicker({ uploads, max, dataTest }: PhotoPickerProps) {
  const failed = uploads.items.filter((p) => p.status === 'failed');
  return (
    <View>
      <View className="case-photos" data-test={dataTest}>
        {uploads.items.map((p) => (
          <View key={p.localPath} className="case-photo" data-test={`${dataTest}-item`} data-status={p.status}>
            <Thumb item={p} />
            {p.status === 'uploading' ? <Text className="case-photo__badge">…</Text> : null}
            {p.status === 'failed' ? (
              <Text
                className="case-photo__badge case-photo__badge--retry"
                onClick={() => void uploads.retry(p.localPath)}
              >
                ↻
              </Text>
            ) : null}
            {p.status !== 'uploading' ? (
              <Text className="case-photo__remove" onClick={() => uploads.remove(p.localPath)}>
                ×
              </Text>
            ) : null}
          </View>
        ))}
        {uploads.items.length < max ? (
          <View
            className="case-photo case-photo--add"
            data-test={`${dataTest}-add`}
            onClick={() => void uploads.add(max)}
          >
            <Text className="case-photo__plus">+</Text>
            <Text className="case-photo__count">
              {uploads.items.length}/{max}
            </Text>
          </View>
        ) : null}
      </View>
      {failed.length > 0 ? (
        <Text className="case-error">
          {failed.some((p) => p.offline)
            ? '网络不可用，照片将随上报在网络恢复后上传'
            : `有 ${failed.length} 张照片上传失败：${failed[0].error}（点 ↻ 重试）`}
        </Text>
      ) : null}
    </View>
  );
}
