/** The login answered `mfaRequired: true`: continue with the second factor. */
export interface MfaChallenge {
  mfaToken: string;
  /** False: the account must enrol an authenticator before the first login completes. */
  enrolled: boolean;
  username: string;
}
