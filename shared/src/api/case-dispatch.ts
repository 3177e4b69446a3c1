/**
 * Dispatch candidates and location correction of a case (staff console, issue #11). Their wire
 * shapes (DispatchCandidatesVO, CaseRelocateBody) are the contract's: contract/case/case-admin.ts.
 */

/** Why a worker cannot be chosen (one wording for the picker and the refusal of a dispatch). */
export const dispatchBlockReasons = {
  disabled: '账号已停用',
  outOfScope: '不在您的管辖范围',
  noGrid: '未绑定网格',
} as const;

/** Most candidates one answer lists; a name query narrows a bigger town. */
export const dispatchCandidateLimit = 200;
