import type { ModuleManifest } from '../../core/modules/manifest';
import { Party1764300000000 } from '../../core/db/migrations/1764300000000-Party';
import { PartyMeetings1764300100000 } from '../../core/db/migrations/1764300100000-PartyMeetings';
import { PartyNotices1764300110000 } from '../../core/db/migrations/1764300110000-PartyNotices';
import { PartyMeetingLeave1764300120000 } from '../../core/db/migrations/1764300120000-PartyMeetingLeave';
import { PartyMeetingPhotos1764300200000 } from '../../core/db/migrations/1764300200000-PartyMeetingPhotos';
import { PartyNoticeWithdrawal1764300210000 } from '../../core/db/migrations/1764300210000-PartyNoticeWithdrawal';
import { PartyDocuments1764300300000 } from '../../core/db/migrations/1764300300000-PartyDocuments';
import { PartyRecords1764300400000 } from '../../core/db/migrations/1764300400000-PartyRecords';
import { PartyDocument } from './archive/party-document.entity';
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
import { PartyAppraisal } from './records/party-appraisal.entity';
import { PartyHonour } from './records/party-honour.entity';
import { PartyPlan } from './records/party-plan.entity';
import { PartyPledge } from './records/party-pledge.entity';
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
    PartyHonour,
    PartyPlan,
    PartyPledge,
    PartyAppraisal,
    PartyDocument,
  ],
  migrations: [
    Party1764300000000,
    PartyMeetings1764300100000,
    PartyNotices1764300110000,
    PartyMeetingLeave1764300120000,
    PartyMeetingPhotos1764300200000,
    PartyNoticeWithdrawal1764300210000,
    PartyDocuments1764300300000,
    PartyRecords1764300400000,
  ],
  permissions: [
    'party:manage',
    'party:org:read',
    'party:org:manage',
    'party:member:read',
    'party:member:manage',
    'party:admission:manage',
    'party:honour:approve',
    'person:pii:read',
  ],
  subscribers: [PartyRegionLinks, MeetingNotifications],
} satisfies ModuleManifest;
