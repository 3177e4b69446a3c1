import { AuthSession } from '../auth/auth-session.entity';
import { MpUser } from '../../modules/mp-user/mp-user.entity';
import { MpRoleGrant } from '../../modules/mp-user/mp-role-grant.entity';
import { StaffUser } from '../../modules/staff/staff-user.entity';
import { Region } from '../../modules/region/region.entity';
import { AuditLog } from '../../modules/audit/audit-log.entity';
import { StaffPasswordHistory } from '../../modules/staff/staff-password-history.entity';
import { StaffRecoveryCode } from '../../modules/staff/staff-recovery-code.entity';
// <entities: staff-security>
import { BindingCode } from '../../modules/binding/binding-code.entity';
// <entities: pii-binding>
import { StaffContact } from '../../modules/staff-admin/staff-contact.entity';
// <entities: staff-admin>
import { Building, BuildingUnit, Business, Estate, House, Household, Person, PersonHouse, PersonTag, TagDefinition, Visit } from '../../modules/registry/entities';
import { StoredFile } from '../../modules/file/stored-file.entity';
// <entities: registry>
import { CaseCategory, CaseContentCheck, CaseEvent, CaseFollower, CaseNoCounter, CaseRecord, CaseSavedView, Holiday } from '../../modules/case/entities';
import { OutboxMessage } from '../outbox/outbox-message.entity';
import { GovSyncState } from '../../modules/gov/gov-sync-state.entity';
import { Open311Key } from '../../modules/open311/open311-key.entity';
// <entities: cases>

/** Every TypeORM entity of the BFF (explicit, so bundling and tests never depend on globs). */
export const entities = [
  AuthSession,
  MpUser,
  MpRoleGrant,
  StaffUser,
  Region,
  AuditLog,
  StaffPasswordHistory,
  StaffRecoveryCode,
  // <list: staff-security>
  BindingCode,
  // <list: pii-binding>
  StaffContact,
  // <list: staff-admin>
  Estate,
  Building,
  BuildingUnit,
  House,
  Person,
  PersonHouse,
  Household,
  TagDefinition,
  PersonTag,
  Visit,
  Business,
  StoredFile,
  // <list: registry>
  CaseRecord,
  CaseEvent,
  CaseFollower,
  CaseCategory,
  Holiday,
  CaseContentCheck,
  CaseSavedView,
  CaseNoCounter,
  OutboxMessage,
  GovSyncState,
  Open311Key,
  // <list: cases>
];
