import { Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';

/** Leave requests of meeting invitees (issue #14): requested by the member, decided by party staff. */
@Provide()
@Scope(ScopeEnum.Singleton)
export class PartyMeetingLeave1764300120000 implements MigrationInterface {
  name = 'PartyMeetingLeave1764300120000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn(
      'party_meeting_attendee',
      new TableColumn({ name: 'leave_status', type: 'varchar', length: '16', isNullable: true }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn('party_meeting_attendee', 'leave_status');
  }
}
