export { CaseNotifications, CaseSubscriberNames, MEDIA_CHECK_PUSH_EVENT } from './case-notifications';
export { CaseRealtimeNotifier } from './case-realtime.notifier';
export { CaseSubscribeSender } from './case-subscribe.sender';
export { subscribeData, casePage, caseSubscribeMoments } from './subscribe-message';
export type { CaseSubscribeMoment, SubscribeData } from './subscribe-message';
export { wxCharacterString, wxPhrase, wxThing, wxTime } from './subscribe-fields';
