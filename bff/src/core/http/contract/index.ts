export { Api } from './api.decorator';
export type { ContractController } from './api.decorator';
export { parseRouteBody, parseRouteInput, parseValue } from './parse-input';
export { contractDocument, mergeDocuments, openApiPath } from './openapi';
export { assertContractBound } from './bound-routes';
