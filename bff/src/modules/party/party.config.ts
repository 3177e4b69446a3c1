import { defaultMeetingRequirements, MeetingType, z, type MeetingRequirement } from '@zhili/shared';
import type { EnvOf } from '../../core/config/env-fields';

const meetingRequirementsSchema = z.array(
  z.object({
    type: z.enum(Object.values(MeetingType) as [MeetingType, ...MeetingType[]]),
    cadence: z.enum(['month', 'quarter', 'year']),
    timesPerPeriod: z.number().int().min(1).max(31).optional(),
  }),
);

/** Environment of the party module (docs/CONTRACTS.md "Party organisation and members"). */
export const partyEnv = {
  /** Term (任期) of the town committee in years (基层党委: 5). */
  PARTY_TERM_YEARS_COMMITTEE: z.coerce.number().int().min(1).max(10).default(5),
  /** Term of general branches and branches in years (党总支、党支部: 3). */
  PARTY_TERM_YEARS_BRANCH: z.coerce.number().int().min(1).max(10).default(3),
  /** How many days before a term ends the organisation shows as "due for 换届". */
  PARTY_TERM_WARN_DAYS: z.coerce.number().int().min(0).max(730).default(90),
  /**
   * The 三会一课 table as JSON, e.g. `[{"type":"committee","cadence":"month"}]`; unset: the shared
   * `defaultMeetingRequirements`. Checked at startup, so a typo stops the server rather than a report.
   */
  PARTY_MEETING_REQUIREMENTS: z
    .string()
    .optional()
    .transform((text, ctx): MeetingRequirement[] | undefined => {
      if (!text?.trim()) return undefined;
      try {
        const parsed = meetingRequirementsSchema.safeParse(JSON.parse(text));
        if (parsed.success) return parsed.data;
      } catch {
        // reported below, as for any other shape that is not a requirement table
      }
      ctx.addIssue({ code: 'custom', message: 'PARTY_MEETING_REQUIREMENTS must be a JSON array of {type, cadence}' });
      return z.NEVER;
    }),
  /** Subscribe-message template of a meeting invitation; unset: invitations are not pushed. */
  WECHAT_TMPL_PARTY_MEETING: z.string().trim().max(64).optional(),
};
export type PartyEnv = EnvOf<typeof partyEnv>;

/** The configured 三会一课 table, or the usual one. */
export function partyMeetingRequirements(
  env: Pick<PartyEnv, 'PARTY_MEETING_REQUIREMENTS'>,
): readonly MeetingRequirement[] {
  return env.PARTY_MEETING_REQUIREMENTS ?? defaultMeetingRequirements;
}
