import Taro from '@tarojs/taro';
import { Image, View } from '@tarojs/components';
import type { CasePhotoVO } from '@zhili/shared';
import { absoluteFileUrl } from './file-url';
import './case-view.css';

/** Thumbnails that open the full-screen previewer (swipe through all of them). */
export function PhotoGrid({ photos, dataTest }: { photos: Pick<CasePhotoVO, 'id' | 'url'>[]; dataTest?: string }) {
  if (photos.length === 0) return null;
  const urls = photos.map((p) => absoluteFileUrl(p.url));
  return (
    <View className="case-photos" data-test={dataTest}>
      {photos.map((p, i) => (
        <View key={p.id} className="case-photo" onClick={() => void Taro.previewImage({ urls, current: urls[i] })}>
          <Image className="case-photo__img" src={urls[i]} mode="aspectFill" />
        </View>
      ))}
    </View>
  );
}
