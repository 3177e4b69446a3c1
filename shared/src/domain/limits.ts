/** Input limits shared by the forms of both front ends and the BFF's validation. */
export const limits = {
  nickname: { min: 1, max: 20 },
  username: { min: 3, max: 32, pattern: /^[A-Za-z0-9_.-]+$/ },
  password: { min: 8, max: 128 },
  /** WeChat login codes are opaque strings; real ones are 32 chars, we allow some slack. */
  wechatCode: { min: 1, max: 128 },
  refreshToken: { min: 16, max: 512 },
} as const;
