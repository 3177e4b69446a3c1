import Taro from '@tarojs/taro';

/**
 * Client-side compression before upload (a phone photo is 3–8 MB; the BFF keeps what it gets).
 * weapp: WeChat's compressImage, longest side ~1600 px. Taro resolves media.h5.ts in h5.
 * Any failure keeps the original: an uncompressed photo beats no photo.
 */
export async function compressPhoto(path: string): Promise<string> {
  try {
    const res = await Taro.compressImage({ src: path, quality: 80, compressedWidth: 1600 });
    return res.tempFilePath || path;
  } catch {
    return path;
  }
}
