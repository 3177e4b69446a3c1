import { ErrorCode, errorCatalogue, FieldError } from '@zhili/shared';

/**
 * The one error type domain code throws. It carries a catalogue code; the error filter turns it into
 * the HTTP status and the `{error:{code,message}}` envelope.
 */
export class AppError extends Error {
  readonly status: number;

  constructor(
    readonly code: ErrorCode,
    message?: string,
    readonly details?: FieldError[],
  ) {
    super(message ?? errorCatalogue[code].message);
    this.name = 'AppError';
    this.status = errorCatalogue[code].status;
  }
}
