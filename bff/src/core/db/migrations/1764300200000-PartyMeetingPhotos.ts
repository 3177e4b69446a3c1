import { Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';

/** Photos of a party meeting (issue #14): ids of stored files, kept with the minutes on the meeting. */
@Provide()
@Scope(ScopeEnum.Singleton)
export class PartyMeetingPhotos1764300200000 implements MigrationInterface {
  name = 'PartyMeetingPhotos1764300200000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn('party_meeting', new TableColumn({ name: 'photo_ids', type: 'text', isNullable: true }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn('party_meeting', 'photo_ids');
  }
}
