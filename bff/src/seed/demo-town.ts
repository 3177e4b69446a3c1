import { randomBytes } from 'crypto';
import type { DataSource } from 'typeorm';
import type { PiiCipher } from '../core/crypto/pii-cipher';
import { Region } from '../modules/region/region.entity';
import { hashPassword } from '../modules/staff/password';
import { generateTown } from './generate';
import type { SeedSize } from './model';
import { TOWN_CODE, TOWN_CODE_PREFIX } from './plan';
import { writeTown, WriteCounts } from './writer';

export interface DemoTownOptions {
  size: SeedSize;
  cipher: PiiCipher;
  /** Reference day YYYY-MM-DD (Asia/Shanghai today by default). */
  today?: string;
  /** Demo password of the generated staff; random when omitted. */
  staffPassword?: string;
  onProgress?: (table: string, rows: number) => void;
}

export interface DemoTownReport {
  /** False when the town (by its code) was already there: nothing was generated. */
  created: boolean;
  size: SeedSize;
  counts: WriteCounts;
  generateSeconds: number;
  writeSeconds: number;
  /** Shared first-login password of the generated staff; only set when they were created now. */
  staffPassword?: string;
}

/** The regions the demo identities hang on: the town, its first village (幸福村) and that village's first grid. */
export interface DemoAnchors {
  town: Region;
  village: Region | null;
  grid: Region | null;
}

/** Today in Asia/Shanghai (UTC+8, no daylight saving) as YYYY-MM-DD. */
export function shanghaiToday(now: Date = new Date()): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** A random password that satisfies the #3 policy classes (upper, lower, digit, symbol). */
export function randomDemoPassword(): string {
  return `Zl-${randomBytes(9).toString('base64url')}7a!`;
}

const seconds = (fromMs: number) => Math.round((Date.now() - fromMs) / 10) / 100;

/**
 * Generates and writes the demo town 示范镇 unless a town with its code exists already (then nothing
 * is touched: the registry may have been edited since).
 */
export async function ensureDemoTown(dataSource: DataSource, options: DemoTownOptions): Promise<DemoTownReport> {
  const existing = await dataSource.getRepository(Region).findOneBy({ code: TOWN_CODE, level: 'town' });
  if (existing) return { created: false, size: options.size, counts: {}, generateSeconds: 0, writeSeconds: 0 };
  let started = Date.now();
  const model = generateTown({ size: options.size, today: options.today ?? shanghaiToday() });
  const generateSeconds = seconds(started);
  started = Date.now();
  const staffPassword = options.staffPassword ?? randomDemoPassword();
  const counts = await writeTown(dataSource, model, {
    cipher: options.cipher,
    staffPasswordHash: await hashPassword(staffPassword),
    onProgress: options.onProgress,
  });
  return {
    created: true,
    size: options.size,
    counts,
    generateSeconds,
    writeSeconds: seconds(started),
    staffPassword: counts.staff ? staffPassword : undefined,
  };
}

/** Looks up the demo anchors (after ensureDemoTown). */
export async function demoAnchors(dataSource: DataSource): Promise<DemoAnchors | null> {
  const repo = dataSource.getRepository(Region);
  const town = await repo.findOneBy({ code: TOWN_CODE, level: 'town' });
  if (!town) return null;
  const village = await repo.findOneBy({ code: `${TOWN_CODE_PREFIX}201`, parentId: town.id });
  const grid = village ? await repo.findOneBy({ parentId: village.id, name: `${village.name}第一网格` }) : null;
  return { town, village, grid };
}
