/**
 * The party module (#14): the organisation tree (党委 → 党总支/党支部 → 党小组) with its lifecycle as
 * dated records, member files linked to the registry, and the admission pipeline. Other modules
 * import from here only; later slices (meetings, notices, the mini-program) build on these.
 */
export { PartyOrg } from './org/party-org.entity';
export { PartyMember } from './members/party-member.entity';
export { PartyAdmission } from './admission/party-admission.entity';
export { PartyScopeService } from './scope/party-scope.service';
export { applyPartyScope, inPartyScope } from './scope/party-scope';
export type { PartyScope } from './scope/party-scope';
export { MemberPeopleService } from './members/member-people.service';
export type { MemberPerson } from './members/member-people.service';
// The member file behind a mini-program caller, for the party school and dues.
export { MemberAccountService } from './meetings/member-account.service';
export { PartyMemberAccount } from './meetings/party-member-account.entity';
// Attendance recorded (a member checked in), for the party school's points.
export { MeetingAttendedEvent } from './meetings/meeting-events';
export type { MeetingAttended } from './meetings/meeting-events';
// Committee seats: the leaders (领导) who vote in a democratic appraisal (survey module).
export { PartyOrgSeat } from './org/party-org-seat.entity';
