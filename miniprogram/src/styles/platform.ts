// Platform-specific global styles. Taro resolves platform.h5.ts instead of this file in h5 builds;
// weapp needs none.
export {};
