/**
 * WeChat content security of residents' reports (text before storing, photos asynchronously with
 * the verdict pushed to /api/callbacks/wechat).
 */
export { ContentSecurityService, TEXT_CHECK_FILE_ID } from './content-security.service';
export type { TextVerdict } from './content-security.service';
export { combinedVerdict, CONTENT_ACTOR_NAME, RISKY_IMAGE_REASON } from './content-decider';
