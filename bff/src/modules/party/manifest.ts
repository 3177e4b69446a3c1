import type { ModuleManifest } from '../../core/modules/manifest';
import { Party1764300000000 } from '../../core/db/migrations/1764300000000-Party';
import { PartyMeetings1764300100000 } from '../../core/db/migrations/1764300100000-PartyMeetings';
import { PartyNotices1764300110000 } from '../../core/db/migrations/1764300110000-PartyNotices';
import { PartyMeetingLeave1764300120000 } from '../../core/db/migrations/1764300120000-PartyMeetingLeave';
import { PartyAdmission } from './admission/party-admission.entity';
import { PartyAdmissionStep } from './admission/party-admission-step.entity';
import { MeetingNotifications } from './meetings/meeting-notifications';
import { PartyMeeting } from './meetings/party-meeting.entity';
import { PartyMeetingAttendee } from './meetings/party-meeting-attendee.entity';
import { PartyMemberAccount } from './meetings/party-member-account.entity';
import { PartyMember } from './members/party-member.entity';
import { PartyMemberEvent } from './members/party-member-event.entity';
import { PartyNotice } from './notices/party-notice.entity';
import { PartyNoticeRead } from './notices/party-notice-read.entity';
import { PartyOrg } from './org/party-org.entity';
import { PartyOrgEvent } from './org/party-org-event.entity';
import { PartyOrgSeat } from './org/party-org-seat.entity';
import { PartyOrgStaff } from './org/party-org-staff.entity';
import { PartyOrgTerm } from './org/party-org-term.entity';
import { partyEnv } from './party.config';
import { PartyRegionLinks } from './party-region-links';

/** Party organisation (#14): the organisation tree and its lifecycle, member files, the admission pipeline. */
export const partyManifest = {
  name: 'party',
  config: partyEnv,
  entities: [
    PartyOrg,
    PartyOrgTerm,
    PartyOrgSeat,
    PartyOrgEvent,
    PartyOrgStaff,
    PartyMember,
    PartyMemberEvent,
    PartyAdmission,
    PartyAdmissionStep,
    PartyMeeting,
    PartyMeetingAttendee,
    PartyMemberAccount,
    PartyNotice,
    PartyNoticeRead,
  ],
  migrations: [
    Party1764300000000,
    PartyMeetings1764300100000,
    PartyNotices1764300110000,
    PartyMeetingLeave1764300120000,
  ],
  permissions: [
    'party:manage',
    'party:org:read',
    'party:org:manage',
    'party:member:read',
    'party:member:manage',
    'party:admission:manage',
    'person:pii:read',
  ],
  subscribers: [PartyRegionLinks, MeetingNotifications],
} satisfies ModuleManifest;
