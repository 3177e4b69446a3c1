/**
 * Where a getPhoneNumber code comes from when there is no WeChat phone button. In weapp (this file)
 * there is none: the real button provides the code. Taro resolves dev-phone-code.h5.ts in h5 builds.
 */
export const devPhoneCodeAvailable = false;

export function devPhoneCode(): Promise<string> {
  return Promise.reject(new Error('no dev phone codes outside the h5 test build'));
}
