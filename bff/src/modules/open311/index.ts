/**
 * Open311 GeoReport v2 (http://wiki.open311.org/GeoReport_v2) — the outside door to cases — and the
 * api keys staff issue for it. See docs/CONTRACTS.md "Open311 GeoReport v2".
 *
 * Decisions where the spec leaves room (each one tested in bff/test/open311-*.test.ts):
 * - Formats: every resource answers `.xml` (the spec's required format) and `.json` (Spark
 *   convention: list containers become arrays). Another suffix is a 404 (in XML); a resource
 *   without a suffix is not one of the spec's URLs and gets the app's ordinary 404.
 * - Errors: the spec's list `[{ code, description }]` / `<errors><error>…`, `code` = HTTP status:
 *   404 unknown resource (service_code, service_request_id, token, jurisdiction_id), 403 missing or
 *   invalid/revoked api_key, 400 everything else (including the spec's "general service error" for
 *   unexpected failures, which are logged), 429 when a client address exceeds its rate limit.
 * - jurisdiction_id is optional (one jurisdiction: env OPEN311_JURISDICTION); another value is 404.
 * - Input: the routes are in the contract (`open311Routes`, shared/src/contract/open311/georeport.ts),
 *   whose schemas check every argument, plus the central input rules every route obeys (no control
 *   characters, real dates). Order: rate limit (429), jurisdiction_id (404), arguments (400); a POST's
 *   form is checked after its api_key (403), and every problem of it is listed in one answer.
 * - Services = active case categories: service_code = category code, group = department,
 *   metadata = false (no attributes are defined, so definitions list none), type = realtime.
 * - POST: form fields per spec; lat/long are WGS84 and stored converted to GCJ-02 (answers convert
 *   back); the point's grid must lie in the api key's scope (the issuing staff member's region),
 *   and without a point the case is filed under that region. The reporter is the client
 *   (`open311:<keyId>`) with the person's name and phone (stored encrypted); email, device_id and
 *   attributes are accepted and not kept. media_url is kept as a timeline note, never fetched. The
 *   answer carries service_request_id (= case number) and no token, as the spec asks of realtime
 *   services; `tokens/{token}` still resolves the reference we file each posted request under.
 * - GET requests is public in the spec, so it lists cases of the whole jurisdiction — not only those
 *   of one api key — with public fields only: never the reporter (name, phone, account), internal
 *   notes, resident photos or the resident's own text. Cases held for content review
 *   (pending_review) are not listed and answer 404.
 * - Privacy (issue #11): a case is published in full only when its category is public
 *   (`case_category.is_public`; seeded public: road, streetlight, garbage, sewage, greenery, parking —
 *   not 违章搭建, 噪声扰民, 邻里纠纷, 安全隐患, 其他问题; new categories start non-public) and the report
 *   is not anonymous. In full = address, exact position, an Open311-posted media_url, staff notes in
 *   status_notes, and as `description` only the staff-written `public_description` (null until
 *   staff write one; phone/ID numbers in it are masked as a safety net). Any other case is still
 *   listed (the public sees that it exists and how it is handled) with description, address and
 *   media_url null, status_notes = the status label only, and lat/long snapped to the centre of a
 *   0.005° cell (~555 m × ~480 m at 30° N): the village area, never the house.
 * - Status: open statuses → `open`; resolved, closed, rejected and merged → `closed` (the spec's
 *   "closed: it has been resolved"; a disputed case is open again). status_notes = our status label
 *   plus the reason written for the reporter (rejection reason, resolution, merge target).
 * - Dates: w3 profile of ISO 8601 with a mandatory zone on input; UTC `…Z` on output. The window
 *   defaults to the last 90 days, never spans more (400), and at most 1000 requests come back,
 *   newest first; service_request_id overrides every other filter, as the spec says.
 */
export { Open311Key } from './open311-key.entity';
export { Open311KeyService } from './keys/open311-key.service';
