export { BindingCode } from './binding-code.entity';
export type { BindingRole, BindingStatus } from './binding-code.entity';
export { BindingService, bindingStatus } from './binding.service';
export { BindingRedeemService, REDEEM_LIMIT } from './binding-redeem.service';
export { CODE_ALPHABET, CODE_LENGTH, QR_PREFIX, normalizeCode } from './binding-code';
