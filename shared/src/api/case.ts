/**
 * Wire shapes of the case APIs (#5), shared by the BFF, the admin and the mini-program.
 * Coordinates are GCJ-02 `[lng, lat]` everywhere except the Open311 edge (WGS84).
 * Times are ISO-8601 UTC strings. Personal data is masked; the reporter's identity is hidden from
 * staff below town level when the report is anonymous.
 */

/**
 * The case views (CaseListItemVO, CaseDetailVO, MpCaseDetailVO…), CaseCategoryVO and HolidayVO are
 * `z.infer` of the contract's schemas: contract/case/case-views.ts and case-config.ts.
 */

/**
 * What Open311 publishes of one case (`GET/PUT /api/admin/cases/:id/publication`). The resident's own
 * text is never published: only `publicDescription`, written (or approved) by staff.
 */
export interface CasePublicationVO {
  /** The category is public and the report is not anonymous: text, address and exact position go out. */
  publishable: boolean;
  categoryPublic: boolean;
  anonymous: boolean;
  /** The staff-reviewed text Open311 shows as `description`; null = none (description empty). */
  publicDescription: string | null;
}

export interface Open311KeyVO {
  id: string;
  name: string;
  /** First characters of the key, for recognition; the full key is shown once at creation. */
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}
