import type { Open311Value } from './open311-format';

/** HTTP statuses the spec uses: 404 for what does not exist, 403 for api_key, 400 for the rest (plus 429/500 of ours). */
export type Open311HttpStatus = 400 | 403 | 404 | 429 | 500;

/**
 * An error answered as the spec's list `[{ code, description }]` (`<errors><error>…`). `code` is the
 * HTTP status, as in the spec's examples; `description` is meant for the user (Chinese here).
 */
export class Open311Error extends Error {
  readonly descriptions: string[];

  constructor(
    readonly status: Open311HttpStatus,
    description: string | string[],
  ) {
    const list = Array.isArray(description) ? description : [description];
    super(list.join('; '));
    this.name = 'Open311Error';
    this.descriptions = list;
  }

  toList(): Open311Value {
    return this.descriptions.map((description) => ({ code: this.status, description }));
  }
}

export const notFound = (what: string) => new Open311Error(404, `${what}不存在`);
export const badRequest = (description: string | string[]) => new Open311Error(400, description);
