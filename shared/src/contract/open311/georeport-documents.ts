import { z } from '../zod';

/**
 * The documents Open311 GeoReport v2 answers, in their JSON form (the Spark convention: a list
 * container is the top-level array). The XML form has the same fields; lists become repeated
 * elements (`<services><service>…`). Instants are w3 ISO 8601 in UTC (`2026-05-01T02:03:04Z`).
 */

export const open311DiscoverySchema = z.object({
  changeset: z.string(),
  contact: z.string(),
  key_service: z.string(),
  endpoints: z.array(
    z.object({
      specification: z.string(),
      url: z.string(),
      changeset: z.string(),
      type: z.enum(['production', 'test']),
      formats: z.array(z.string()),
    }),
  ),
});

/** One service: an active case category (metadata false: no attributes are defined). */
export const open311ServiceSchema = z.object({
  service_code: z.string(),
  service_name: z.string(),
  description: z.string(),
  metadata: z.boolean(),
  type: z.enum(['realtime', 'batch', 'blackbox']),
  keywords: z.string(),
  group: z.string().nullable(),
});

export const open311ServiceDefinitionSchema = z.object({
  service_code: z.string(),
  /** No attributes are defined for any service: always empty. */
  attributes: z.array(z.never()).max(0),
});

/** One service request: public fields only, never the reporter. */
export const open311RequestSchema = z.object({
  service_request_id: z.string(),
  status: z.enum(['open', 'closed']),
  status_notes: z.string(),
  service_name: z.string(),
  service_code: z.string(),
  description: z.string().nullable(),
  agency_responsible: z.string().nullable(),
  service_notice: z.string().nullable(),
  requested_datetime: z.string().nullable(),
  updated_datetime: z.string().nullable(),
  expected_datetime: z.string().nullable(),
  address: z.string().nullable(),
  address_id: z.string().nullable(),
  zipcode: z.string().nullable(),
  lat: z.number().nullable(),
  long: z.number().nullable(),
  media_url: z.string().nullable(),
});

/** The answer to POST Service Request (a realtime service: the number at once, no token). */
export const open311PostedSchema = z.object({
  service_request_id: z.string(),
  service_notice: z.string().nullable(),
  account_id: z.string().nullable(),
});

export const open311TokenSchema = z.object({ service_request_id: z.string(), token: z.string() });

/** Every failure: `code` is the HTTP status (400, 403, 404, 429), `description` is for the user. */
export const open311ErrorsSchema = z.array(z.object({ code: z.number().int(), description: z.string() }));

export type Open311ServiceVO = z.infer<typeof open311ServiceSchema>;
export type Open311RequestVO = z.infer<typeof open311RequestSchema>;
export type Open311DiscoveryVO = z.infer<typeof open311DiscoverySchema>;
export type Open311ServiceDefinitionVO = z.infer<typeof open311ServiceDefinitionSchema>;
export type Open311PostedVO = z.infer<typeof open311PostedSchema>;
export type Open311TokenVO = z.infer<typeof open311TokenSchema>;
