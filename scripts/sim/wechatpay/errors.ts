// WeChat Pay APIv3 error answers: an HTTP 4xx/5xx status with `{ code, message, detail? }`.
import type { SimResponse } from './types';

export const PayErr = {
  SIGN_ERROR: 401,
  PARAM_ERROR: 400,
  INVALID_REQUEST: 400,
  APPID_MCHID_NOT_MATCH: 400,
  MCH_NOT_EXISTS: 400,
  ORDERPAID: 400,
  ORDER_CLOSED: 400,
  NOT_ENOUGH: 403,
  ORDER_NOT_EXIST: 404,
  RESOURCE_NOT_EXISTS: 404,
  NOT_FOUND: 404,
  NO_STATEMENT_EXIST: 400,
  SYSTEM_ERROR: 500,
} as const;

export type PayErrCode = keyof typeof PayErr;

export function payError(code: PayErrCode, message: string, detail?: Record<string, unknown>): SimResponse {
  return { status: PayErr[code], body: detail ? { code, message, detail } : { code, message } };
}

export function paramError(field: string, message: string): SimResponse {
  return payError('PARAM_ERROR', `输入源“/body/${field}”${message}`, { location: 'body', field });
}
