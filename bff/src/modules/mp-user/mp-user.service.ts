import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectEntityModel } from '@midwayjs/typeorm';
import { randomUUID } from 'crypto';
import { Repository } from 'typeorm';
import { maskPhone, Role, TokenPair } from '@zhili/shared';
import { AppError } from '../../core/errors/app-error';
import { ClientInfo, SessionService } from '../../core/auth/session.service';
import type { Principal } from '../../core/auth/principal';
import { PiiCipher } from '../../core/crypto/pii-cipher';
import { WechatClient } from '../wechat';
import { Region } from '../region';
import { MpUser } from './mp-user.entity';
import type { MpGrantVO, MpProfileUpdateInput, MpProfileVO, MpRegionVO } from '@zhili/shared';
import { MpGrantService } from './mp-grant.service';

const DEFAULT_NICKNAME = '微信用户';

/** The profile as the mini-program sees it: never the unmasked phone number. */
export function toMpProfile(
  user: MpUser,
  phoneMasked: string | null,
  region: MpRegionVO | null,
  grants: MpGrantVO[] = [],
): MpProfileVO {
  return {
    id: user.id,
    nickname: user.nickname,
    avatarUrl: user.avatarUrl,
    roles: user.roles,
    phoneMasked,
    region,
    grants,
    createdAt: user.createdAt.toISOString(),
  };
}

const principalOf = (user: MpUser): Principal => ({ kind: 'mp', id: user.id, roles: user.roles });

/** Mini-program users: WeChat login, token refresh and the profile. */
@Provide()
@Scope(ScopeEnum.Singleton)
export class MpUserService {
  @InjectEntityModel(MpUser)
  private users!: Repository<MpUser>;

  @Inject()
  private wechat!: WechatClient;

  @Inject()
  private sessions!: SessionService;

  @Inject()
  private cipher!: PiiCipher;

  @Inject()
  private grants!: MpGrantService;

  /** Read-only: region names for the profile. */
  @InjectEntityModel(Region)
  private regions!: Repository<Region>;

  /** Finds or creates the user behind a `wx.login` code and opens a session. */
  async login(
    code: string,
    nickname: string | undefined,
    client: ClientInfo,
  ): Promise<TokenPair & { user: MpProfileVO }> {
    const session = await this.wechat.code2Session(code);
    let user = await this.users.findOneBy({ openid: session.openid });
    if (!user) {
      user = await this.createUser(session.openid, session.unionid ?? null, nickname ?? DEFAULT_NICKNAME);
    } else if (session.unionid && !user.unionid) {
      user.unionid = session.unionid;
    }
    user.lastLoginAt = new Date();
    await this.users.save(user);
    const tokens = await this.sessions.issue(principalOf(user), client);
    return { ...tokens, user: await this.view(user) };
  }

  async refresh(refreshToken: string, client: ClientInfo): Promise<TokenPair> {
    return this.sessions.refresh('mp', refreshToken, client, async (id) => principalOf(await this.get(id)));
  }

  async profile(id: string): Promise<MpProfileVO> {
    return this.view(await this.get(id));
  }

  /** A new token pair carrying the user's current roles (after a binding code added one). */
  async issueSession(id: string, client: ClientInfo): Promise<TokenPair> {
    return this.sessions.issue(principalOf(await this.get(id)), client);
  }

  /** Decrypts only to mask: the full number never leaves this method. */
  async view(user: MpUser): Promise<MpProfileVO> {
    const phone = this.cipher.open(user.phone);
    const region = user.regionId
      ? await this.regions.findOne({ where: { id: user.regionId }, select: { id: true, name: true } })
      : null;
    const grants = await this.grants.grantsOf(user.id);
    // 所属区域: the grid worker's grid (mp_user.region_id), else the region of another grant.
    const shown = region ? { id: region.id, name: region.name } : (grants.find((g) => g.region)?.region ?? null);
    return toMpProfile(user, phone ? maskPhone(phone) : null, shown, grants);
  }

  async updateProfile(id: string, patch: MpProfileUpdateInput): Promise<MpProfileVO> {
    const user = await this.get(id);
    if (patch.nickname !== undefined) user.nickname = patch.nickname;
    if (patch.avatarUrl !== undefined) user.avatarUrl = patch.avatarUrl;
    await this.users.save(user);
    return this.view(user);
  }

  async get(id: string): Promise<MpUser> {
    const user = await this.users.findOneBy({ id });
    // A token for a user that no longer exists is as good as an invalid one.
    if (!user) throw new AppError('AUTH_TOKEN_INVALID');
    return user;
  }

  /** Two first logins of the same person can race; the unique openid lets exactly one insert win. */
  private async createUser(openid: string, unionid: string | null, nickname: string): Promise<MpUser> {
    const user = this.users.create({
      id: randomUUID(),
      openid,
      unionid,
      nickname,
      avatarUrl: null,
      roles: [Role.Resident],
      lastLoginAt: null,
    });
    try {
      await this.users.insert(user);
      return user;
    } catch (err) {
      const existing = await this.users.findOneBy({ openid });
      if (existing) return existing;
      throw err;
    }
  }
}
