import { Image, Text, View } from '@tarojs/components';
import { useState } from 'react';
import { aria } from '../../components/a11y/aria';
import { Tappable } from '../../components/a11y/Tappable';
import { absoluteFileUrl } from './file-url';
import type { PhotoUploads, UploadItem } from './usePhotoUploads';
import './case-view.css';

interface PhotoPickerProps {
  uploads: PhotoUploads;
  max: number;
  /** `data-test` of the picker; the add tile gets `<dataTest>-add`. */
  dataTest: string;
}

/** h5: the <img> inside Taro's image takes its alt through nativeProps. */
const altProps = (alt: string) => (process.env.TARO_ENV === 'h5' ? { nativeProps: { alt } } : { 'aria-label': alt });

/** The local file while it exists (a restored draft may outlive it), else the uploaded copy. */
function Thumb({ item, alt }: { item: UploadItem; alt: string }) {
  const [localBroken, setLocalBroken] = useState(false);
  const src = localBroken && item.url ? absoluteFileUrl(item.url) : item.localPath;
  return (
    <Image
      className="case-photo__img"
      src={src}
      mode="aspectFill"
      onError={() => setLocalBroken(true)}
      {...altProps(alt)}
    />
  );
}

const statusWords: Record<UploadItem['status'], string> = { uploading: '上传中', done: '已上传', failed: '上传失败' };

/**
 * Thumbnails with upload state (… uploading, ↻ retry, × remove) and the + tile. Each control is a
 * button named in words (删除第 2 张照片), the state is written on the photo, not only drawn.
 */
export function PhotoPicker({ uploads, max, dataTest }: PhotoPickerProps) {
  const failed = uploads.items.filter((p) => p.status === 'failed');
  const count = uploads.items.length;
  return (
    <View>
      <View className="case-photos" data-test={dataTest}>
        {uploads.items.map((p, i) => (
          <View key={p.localPath} className="case-photo" data-test={`${dataTest}-item`} data-status={p.status}>
            <Thumb item={p} alt={`第 ${i + 1} 张照片，${statusWords[p.status]}`} />
            {p.status === 'uploading' ? (
              <Text className="case-photo__badge" {...aria({ hidden: true })}>
                …
              </Text>
            ) : null}
            {p.status === 'failed' ? (
              <Tappable
                className="case-photo__badge case-photo__badge--retry"
                label={`重新上传第 ${i + 1} 张照片`}
                onPress={() => void uploads.retry(p.localPath)}
              >
                ↻
              </Tappable>
            ) : null}
            {p.status !== 'uploading' ? (
              <Tappable
                className="case-photo__remove"
                label={`删除第 ${i + 1} 张照片`}
                onPress={() => uploads.remove(p.localPath)}
              >
                ×
              </Tappable>
            ) : null}
          </View>
        ))}
        {count < max ? (
          <Tappable
            className="case-photo case-photo--add"
            data-test={`${dataTest}-add`}
            label={`添加照片，已选 ${count} 张，最多 ${max} 张`}
            onPress={() => void uploads.add(max)}
          >
            <Text className="case-photo__plus" {...aria({ hidden: true })}>
              +
            </Text>
            <Text className="case-photo__count">
              {count}/{max}
            </Text>
          </Tappable>
        ) : null}
      </View>
      {failed.length > 0 ? (
        <Text className="case-error" {...aria({ role: 'alert' })}>
          {failed.some((p) => p.offline)
            ? '网络不可用，照片将随上报在网络恢复后上传'
            : `有 ${failed.length} 张照片上传失败：${failed[0].error}（点 ↻ 重试）`}
        </Text>
      ) : null}
    </View>
  );
}
