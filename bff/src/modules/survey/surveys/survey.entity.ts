import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { SurveyAudience, SurveyQuestionVO, SurveyStatus } from '@zhili/shared';

/**
 * A survey (问卷) of party members or a residents' consultation (议事协商). Members' surveys are in the
 * party scope by `orgPath` (`/` = every member of the town); residents' ones in the region scope by
 * `regionPath`. Questions are kept with the survey (they never change once published).
 */
@Entity({ name: 'survey' })
@Index('idx_survey_org_path', ['orgPath'])
@Index('idx_survey_region_path', ['regionPath'])
export class Survey {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 16 })
  audience!: SurveyAudience;

  @Column({ name: 'org_id', type: 'varchar', length: 36, nullable: true })
  orgId!: string | null;

  @Column({ name: 'org_path', type: 'varchar', length: 255, nullable: true })
  orgPath!: string | null;

  @Column({ name: 'region_id', type: 'varchar', length: 36, nullable: true })
  regionId!: string | null;

  @Column({ name: 'region_path', type: 'varchar', length: 255, nullable: true })
  regionPath!: string | null;

  @Column({ type: 'varchar', length: 100 })
  title!: string;

  @Column({ type: 'text', nullable: true })
  description!: string | null;

  @Column({ type: 'boolean', default: false })
  anonymous!: boolean;

  @Column({ name: 'opens_on', type: 'varchar', length: 10 })
  opensOn!: string;

  @Column({ name: 'closes_on', type: 'varchar', length: 10 })
  closesOn!: string;

  @Column({ type: 'varchar', length: 16 })
  status!: SurveyStatus;

  @Column({ type: 'simple-json' })
  questions!: SurveyQuestionVO[];

  @Column({ name: 'response_count', type: 'integer', default: 0 })
  responseCount!: number;

  @Column({ name: 'published_at', type: 'varchar', length: 24, nullable: true })
  publishedAt!: string | null;

  @Column({ name: 'closed_at', type: 'varchar', length: 24, nullable: true })
  closedAt!: string | null;

  @Column({ name: 'actor_id', type: 'varchar', length: 36 })
  actorId!: string;

  @CreateDateColumn({ name: 'created_at', type: 'datetime' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'datetime' })
  updatedAt!: Date;
}

/**
 * "This person has answered this survey" — the one-response rule as a primary key, for named and
 * anonymous surveys alike. It carries no time and no link to the response, so an anonymous answer
 * cannot be traced back through it.
 */
@Entity({ name: 'survey_respondent' })
export class SurveyRespondent {
  @PrimaryColumn({ name: 'survey_id', type: 'varchar', length: 36 })
  surveyId!: string;

  /** `member:<memberId>` or `mp:<mpUserId>`. */
  @PrimaryColumn({ name: 'respondent_key', type: 'varchar', length: 48 })
  respondentKey!: string;
}

/** One answer sheet. Anonymous surveys store no person here (both ids null) and only the day. */
@Entity({ name: 'survey_response' })
@Index('idx_survey_response_survey', ['surveyId'])
export class SurveyResponse {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'survey_id', type: 'varchar', length: 36 })
  surveyId!: string;

  @Column({ name: 'member_id', type: 'varchar', length: 36, nullable: true })
  memberId!: string | null;

  @Column({ name: 'mp_user_id', type: 'varchar', length: 36, nullable: true })
  mpUserId!: string | null;

  /** Per question: chosen option indexes, a rating or a text. */
  @Column({ type: 'simple-json' })
  answers!: StoredAnswer[];

  @Column({ name: 'submitted_on', type: 'varchar', length: 10 })
  submittedOn!: string;
}

export interface StoredAnswer {
  questionId: string;
  choices?: number[];
  rating?: number;
  text?: string;
}
