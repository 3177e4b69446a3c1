import { AppError } from '../../../core/errors/app-error';
import type { GovAdapter, GovConnectorStatus } from './gov-adapter';
import { SignedGovClient } from './signed-gov-client';
import type { GovCredentials } from './gov-signing';

export interface GovConnectorConfig {
  /** Machine name (outbox topics, sync state, nonce keys), e.g. `hotline12345`. */
  name: string;
  /** Shown in logs and errors, e.g. 12345热线. */
  label: string;
  baseUrl: string | undefined;
  appKey: string | undefined;
  appSecret: string | undefined;
  timeoutMs: number;
}

/**
 * What every connector shares: configuration from env (off unless base URL, key and secret are all
 * set), the signed client with its breaker, and the `GovAdapter` face. Subclasses add typed calls.
 */
export abstract class GovConnectorBase implements GovAdapter {
  private client: SignedGovClient | null = null;
  private config: GovConnectorConfig | null = null;

  abstract readonly name: string;

  /** Called from the subclass's `@Init()` with its env; builds the client when configured. */
  protected configure(config: GovConnectorConfig, logger: { info(m: string): void; warn(m: string): void }): void {
    this.config = config;
    const creds = this.credentials;
    this.client =
      creds && config.baseUrl
        ? new SignedGovClient({
            name: config.label,
            baseUrl: config.baseUrl,
            credentials: creds,
            timeoutMs: config.timeoutMs,
            logger,
          })
        : null;
  }

  get enabled(): boolean {
    return this.client !== null;
  }

  /** The shared secret pair (for verifying the platform's pushes); null when not configured. */
  get credentials(): GovCredentials | null {
    const c = this.config;
    return c?.baseUrl && c.appKey && c.appSecret ? { appKey: c.appKey, appSecret: c.appSecret } : null;
  }

  status(): GovConnectorStatus {
    return (
      this.client?.status(true) ?? {
        name: this.config?.label ?? this.name,
        enabled: false,
        breaker: 'closed',
        stats: { fires: 0, failures: 0, rejects: 0, timeouts: 0, successes: 0 },
      }
    );
  }

  request<T>(path: string, body: object, options: { idempotent?: boolean } = {}): Promise<T> {
    if (!this.client)
      return Promise.reject(new AppError('GOV_UNAVAILABLE', `未配置${this.config?.label ?? this.name}对接参数`));
    return this.client.request<T>(path, body, options);
  }

  /** Tests replace the client (e.g. a breaker with a short reset) without touching env. */
  useClient(client: SignedGovClient): void {
    this.client?.shutdown();
    this.client = client;
  }

  protected shutdown(): void {
    this.client?.shutdown();
  }
}
