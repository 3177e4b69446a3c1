import { randomUUID } from 'crypto';
import { In, type EntityManager } from 'typeorm';
import {
  educationLabels,
  genderLabels,
  holdsMembers,
  memberCategoryLabels,
  normalizeMobile,
  parseIdNumber,
  partyMemberLimits as L,
} from '@zhili/shared';
import type { Education, Gender, MemberCategory } from '@zhili/shared';
import type { Principal } from '../../../core/auth/principal';
import type { PiiCipher } from '../../../core/crypto/pii-cipher';
import { inScope } from '../../../core/scope/data-scope';
import { labelLookup, personsByIdHash, RowErrors, RowReader } from '../../registry';
import type { SheetRow } from '../../registry';
import { OPEN_ADMISSION_STAGES } from '../admission/open-stages';
import { PartyAdmission } from '../admission/party-admission.entity';
import { appendMemberEvents } from '../members/member-history';
import { PartyMember } from '../members/party-member.entity';
import { PartyOrg } from '../org/party-org.entity';
import { applyPartyScope, type PartyScope } from '../scope/party-scope';
import { memberColumns, type MemberColumnKey } from './member-import-columns';

/** One checked row, ready to be written. */
export interface MemberDraft {
  row: number;
  /** The registry person (a town resident), or null for a member living elsewhere. */
  personId: string | null;
  name: string;
  gender: Gender | null;
  birthDate: string | null;
  phone: string | null;
  orgId: string;
  orgPath: string;
  category: MemberCategory;
  joinedOn: string;
  convertedOn: string | null;
  position: string | null;
  education: Education | null;
  workUnit: string | null;
}

export interface MemberPlanEnv {
  db: EntityManager;
  cipher: PiiCipher;
  principal: Principal;
  scope: PartyScope;
  /** YYYY-MM-DD in Beijing. */
  today: string;
  onProgress: (processed: number) => Promise<void>;
}

export interface MemberPlan {
  drafts: MemberDraft[];
  errors: RowErrors;
}

/** A member of the file was filed by someone else between the check and the write. */
export class MemberImportConflict extends Error {}

const genders = labelLookup(genderLabels);
const categories = labelLookup(memberCategoryLabels);
const educations = labelLookup(educationLabels);
const rowList = (rows: number[]) => rows.map((r) => `第 ${r} 行`).join('、');
/** Progress is reported after this many rows. */
const CHUNK = 200;

/** Branches and groups of the scope able to hold members, by name (a name used twice maps to null). */
async function orgsByName(db: EntityManager, scope: PartyScope): Promise<Map<string, PartyOrg | null>> {
  const orgs = await applyPartyScope(db.getRepository(PartyOrg).createQueryBuilder('o'), scope, 'o.path')
    .andWhere('o.status = :active', { active: 'active' })
    .getMany();
  const byName = new Map<string, PartyOrg | null>();
  for (const org of orgs.filter((o) => holdsMembers(o.type))) byName.set(org.name, byName.has(org.name) ? null : org);
  return byName;
}

interface ParsedRow {
  reader: RowReader<MemberColumnKey>;
  draft: Omit<MemberDraft, 'personId' | 'orgId' | 'orgPath'> & { idHash: string | null; orgName: string | null };
}

/** Cell-level checks of one row (types, lengths, dates, labels, the ID number's own check digit). */
function parseRow(sheetRow: SheetRow<MemberColumnKey>, env: MemberPlanEnv, errors: RowErrors): ParsedRow {
  const r = new RowReader(sheetRow, memberColumns, errors);
  const idText = r.text('idNumber', 18);
  let idNumber: string | null = null;
  if (idText) {
    const id = parseIdNumber(idText, new Date(`${env.today}T00:00:00Z`));
    if (id.valid) idNumber = idText.trim().toUpperCase();
    else r.fail('idNumber', '身份证号无效（位数、出生日期或校验位不正确）');
  }
  const phoneText = r.text('phone', 20);
  const phone = phoneText ? normalizeMobile(phoneText) : null;
  if (phoneText && !phone) r.fail('phone', '手机号应为 11 位数字');
  const draft = {
    row: r.row,
    name: r.text('name', L.name.max, true) ?? '',
    idHash: idNumber ? env.cipher.hash(idNumber) : null,
    gender: r.choice('gender', genders, !idText),
    birthDate: r.date('birthDate'),
    phone,
    orgName: r.text('org', 64, true),
    category: r.choice('category', categories, true) ?? 'full',
    joinedOn: r.date('joinedOn') ?? '',
    convertedOn: r.date('convertedOn'),
    position: r.text('position', L.position.max),
    education: r.choice('education', educations),
    workUnit: r.text('workUnit', L.workUnit.max),
  };
  if (!draft.joinedOn && r.raw('joinedOn') === null) r.fail('joinedOn', '必填');
  if (draft.joinedOn > env.today) r.fail('joinedOn', '日期不能晚于今天');
  if (draft.convertedOn && draft.convertedOn > env.today) r.fail('convertedOn', '日期不能晚于今天');
  if (draft.category === 'probationary' && draft.convertedOn) r.fail('convertedOn', '预备党员没有转正日期');
  if (draft.convertedOn && draft.joinedOn && draft.convertedOn < draft.joinedOn)
    r.fail('convertedOn', '转正日期不能早于入党日期');
  if (draft.birthDate && draft.birthDate > env.today) r.fail('birthDate', '日期不能晚于今天');
  return { reader: r, draft };
}

/**
 * Checks every row of a member file against the sheet's rules and the database — the person behind
 * an ID number (in the caller's registry scope, no file yet, not in the admission pipeline), the
 * organisation (a branch or group in the caller's party scope), duplicates within the file — and
 * collects every problem by row and column. Nothing is written here.
 */
export async function planMemberImport(rows: SheetRow<MemberColumnKey>[], env: MemberPlanEnv): Promise<MemberPlan> {
  const errors = new RowErrors();
  const parsed: ParsedRow[] = [];
  for (let i = 0; i < rows.length; i += 1) {
    parsed.push(parseRow(rows[i], env, errors));
    if ((i + 1) % CHUNK === 0) await env.onProgress(i + 1);
  }

  const orgs = await orgsByName(env.db, env.scope);
  const hashes = parsed.flatMap((p) => (p.draft.idHash ? [p.draft.idHash] : []));
  const persons = new Map((await personsByIdHash(env.db, hashes)).map((p) => [p.idNumber.hash, p]));
  const personIds = [...persons.values()].map((p) => p.id);
  const [filed, inPipeline] = personIds.length
    ? await Promise.all([
        env.db.getRepository(PartyMember).find({
          where: { personId: In(personIds), status: 'active' },
          select: { id: true, personId: true },
        }),
        env.db.getRepository(PartyAdmission).find({
          where: { personId: In(personIds), stage: In([...OPEN_ADMISSION_STAGES]) },
          select: { id: true, personId: true },
        }),
      ])
    : [[], []];
  const filedIds = new Set(filed.map((m) => m.personId));
  const pipelineIds = new Set(inPipeline.map((a) => a.personId));

  // Rows naming the same person (or, for members living elsewhere, the same name) name each other.
  const rowsByKey = new Map<string, number[]>();
  for (const { draft } of parsed) {
    const key = draft.idHash ? `id:${draft.idHash}` : draft.name ? `name:${draft.name}` : null;
    if (key) rowsByKey.set(key, [...(rowsByKey.get(key) ?? []), draft.row]);
  }
  const standaloneHashes = parsed
    .filter((p) => !p.draft.idHash && p.draft.name)
    .map((p) => env.cipher.hash(p.draft.name));
  const standaloneFiled = new Set(
    standaloneHashes.length
      ? (
          await env.db
            .getRepository(PartyMember)
            .createQueryBuilder('m')
            .select('m.name_hash', 'hash')
            .where('m.person_id IS NULL AND m.status = :active', { active: 'active' })
            .andWhere('m.name_hash IN (:...hashes)', { hashes: [...new Set(standaloneHashes)] })
            .getRawMany<{ hash: string }>()
        ).map((r) => r.hash)
      : [],
  );

  const drafts: MemberDraft[] = [];
  for (const { reader: r, draft } of parsed) {
    const org = draft.orgName ? orgs.get(draft.orgName) : undefined;
    if (draft.orgName && org === undefined) r.fail('org', '党组织不存在、不在您的负责范围内，或不是党支部/党小组');
    if (org === null) r.fail('org', '有多个同名党组织，请联系镇党委修改名称后再导入');
    let personId: string | null = null;
    if (draft.idHash) {
      const person = persons.get(draft.idHash);
      if (!person || person.status !== 'active' || !inScope(env.principal, person.scopePath)) {
        r.fail('idNumber', '人口库中没有该身份证号的人员，或不在您的管辖区域内（镇外党员请不填身份证号）');
      } else if (person.name !== draft.name) {
        r.fail('name', '姓名与人口库中该身份证号的人员不一致');
      } else if (filedIds.has(person.id)) {
        r.fail('idNumber', '该居民已有在册的党员档案');
      } else if (pipelineIds.has(person.id)) {
        r.fail('idNumber', '该居民正在发展党员流程中，接收为预备党员时自动建立档案');
      } else {
        personId = person.id;
      }
    } else if (draft.name && standaloneFiled.has(env.cipher.hash(draft.name))) {
      r.fail('name', '已有同名的镇外党员档案');
    }
    const key = draft.idHash ? `id:${draft.idHash}` : `name:${draft.name}`;
    const same = rowsByKey.get(key) ?? [];
    if (same.length > 1)
      r.fail(draft.idHash ? 'idNumber' : 'name', `与${rowList(same.filter((n) => n !== draft.row))}重复`);
    if (!r.failed && org) {
      drafts.push({
        row: draft.row,
        personId,
        // A town resident's name, sex, birth date and phone stay in the registry.
        name: personId ? '' : draft.name,
        gender: personId ? null : draft.gender,
        birthDate: personId ? null : draft.birthDate,
        phone: personId ? null : draft.phone,
        orgId: org.id,
        orgPath: org.path,
        category: draft.category,
        joinedOn: draft.joinedOn,
        convertedOn: draft.convertedOn,
        position: draft.position,
        education: draft.education,
        workUnit: draft.workUnit,
      });
    }
  }
  await env.onProgress(rows.length);
  return { drafts, errors };
}

/**
 * Writes the checked rows inside the caller's transaction: each a member file with its `create`
 * line. A resident filed by someone else since the check makes the whole file fail.
 */
export async function writeMemberImport(
  tx: EntityManager,
  drafts: readonly MemberDraft[],
  cipher: PiiCipher,
  actor: { id: string; name: string },
  today: string,
): Promise<{ linked: number; standalone: number }> {
  const personIds = drafts.flatMap((d) => (d.personId ? [d.personId] : []));
  if (personIds.length && (await tx.getRepository(PartyMember).existsBy({ personId: In(personIds), status: 'active' })))
    throw new MemberImportConflict();
  const repo = tx.getRepository(PartyMember);
  const members = drafts.map((d) =>
    repo.create({
      id: randomUUID(),
      personId: d.personId,
      name: cipher.seal(d.personId ? null : d.name),
      phone: cipher.seal(d.phone),
      gender: d.gender,
      birthDate: d.birthDate,
      orgId: d.orgId,
      orgPath: d.orgPath,
      category: d.category,
      status: 'active',
      joinedOn: d.joinedOn,
      convertedOn: d.convertedOn,
      position: d.position,
      education: d.education,
      workUnit: d.workUnit,
      flowPlace: null,
      flowSince: null,
      flowContactOrg: null,
      admissionId: null,
      lastEventOn: d.convertedOn ?? d.joinedOn,
      version: 1,
    }),
  );
  // Built before the insert: a multi-row insert may hand the objects back with their ids swapped
  // (core/db/insert-each.ts says why), which would pair one member's id with another's organisation.
  const events = members.map((m) => ({
    memberId: m.id,
    kind: 'create' as const,
    on: today,
    orgId: m.orgId,
    detail: { source: '批量导入' },
    actorId: actor.id,
    actorName: actor.name,
  }));
  for (let i = 0; i < members.length; i += CHUNK) await repo.insert(members.slice(i, i + CHUNK));
  for (let i = 0; i < events.length; i += CHUNK) await appendMemberEvents(tx, events.slice(i, i + CHUNK));
  return { linked: personIds.length, standalone: drafts.length - personIds.length };
}
