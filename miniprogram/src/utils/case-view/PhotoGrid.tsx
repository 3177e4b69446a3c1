import Taro from '@tarojs/taro';
import { Image, View } from '@tarojs/components';
import type { CasePhotoVO } from '@zhili/shared/client';
import { Tappable } from '../../components/a11y/Tappable';
import { absoluteFileUrl } from './file-url';
import './case-view.css';

/** h5: the <img> inside Taro's image takes its alt through nativeProps; the button names it. */
const decorative = process.env.TARO_ENV === 'h5' ? { nativeProps: { alt: '' } } : {};

/** Thumbnails that open the full-screen previewer (swipe through all of them). */
export function PhotoGrid({
  photos,
  dataTest,
  label = '照片',
}: {
  photos: Pick<CasePhotoVO, 'id' | 'url'>[];
  dataTest?: string;
  /** What the photos are (现场照片…), for their names: "查看现场照片第 1 张，共 3 张". */
  label?: string;
}) {
  if (photos.length === 0) return null;
  const urls = photos.map((p) => absoluteFileUrl(p.url));
  return (
    <View className="case-photos" data-test={dataTest}>
      {photos.map((p, i) => (
        <Tappable
          key={p.id}
          className="case-photo"
          label={`查看${label}第 ${i + 1} 张，共 ${photos.length} 张`}
          onPress={() => void Taro.previewImage({ urls, current: urls[i] })}
        >
          <Image className="case-photo__img" src={urls[i]} mode="aspectFill" {...decorative} />
        </Tappable>
      ))}
    </View>
  );
}
