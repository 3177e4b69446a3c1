import {
  Gender,
  HeadRelation,
  HouseholdType,
  HouseRelation,
  HukouType,
  PermitStatus,
  PersonStatus,
} from '../../domain/registry';
import { z } from '../zod';
import { enumValues } from './common';
import { visitSchema } from './visits';

/**
 * A registered person as lists, households and houses show them. Personal data is masked here;
 * unmasked values come only from the audited `/pii` route.
 */
export const personSchema = z.object({
  id: z.string(),
  name: z.string(),
  gender: z.enum(enumValues(Gender)),
  /** YYYY-MM-DD */
  birthDate: z.string().nullable(),
  age: z.number().int().nullable(),
  /** Masked (`110***********1234`). */
  idNumber: z.string().nullable(),
  /** Masked (`138****5678`). */
  phone: z.string().nullable(),
  hukouType: z.enum(enumValues(HukouType)),
  status: z.enum(enumValues(PersonStatus)),
  regionId: z.string(),
  regionName: z.string(),
  householdId: z.string().nullable(),
  relationToHead: z.enum(enumValues(HeadRelation)).nullable(),
  /** Tag codes. */
  tags: z.array(z.string()),
  address: z.string().nullable(),
});
export type PersonVO = z.infer<typeof personSchema>;

export const personDetailSchema = personSchema.extend({
  hukouAddress: z.string().nullable(),
  /** Floating population registration. */
  floating: z
    .object({
      origin: z.string().nullable(),
      arrivalDate: z.string().nullable(),
      permitStatus: z.enum(enumValues(PermitStatus)),
      permitExpiry: z.string().nullable(),
    })
    .nullable(),
  houses: z.array(
    z.object({
      houseId: z.string(),
      address: z.string(),
      relation: z.enum(enumValues(HouseRelation)),
      since: z.string().nullable(),
    }),
  ),
  household: z
    .object({
      id: z.string(),
      type: z.enum(enumValues(HouseholdType)),
      headName: z.string().nullable(),
      address: z.string().nullable(),
    })
    .nullable(),
  tagDetails: z.array(z.object({ code: z.string(), name: z.string(), color: z.string(), taggedAt: z.string() })),
  visits: z.array(visitSchema),
  /** Computed by the BFF from the shared visit rule; clients only display it. */
  visitDue: z
    .object({ status: z.enum(['overdue', 'due', 'upcoming', 'ok']), dueAt: z.string(), overdueDays: z.number().int() })
    .nullable(),
  note: z.string().nullable(),
});
export type PersonDetailVO = z.infer<typeof personDetailSchema>;

/** Unmasked identity number and phone (permission person:pii:read, audited). */
export const personPiiSchema = z.object({ idNumber: z.string().nullable(), phone: z.string().nullable() });
export type PersonPiiVO = z.infer<typeof personPiiSchema>;
