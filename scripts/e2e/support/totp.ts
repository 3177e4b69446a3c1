import { Secret, TOTP } from 'otpauth';

/** The code an authenticator app would show for `secret` (base32) right now. */
export function totpNow(secret: string, offsetSteps = 0): string {
  const totp = new TOTP({
    secret: Secret.fromBase32(secret.replace(/\s+/g, '')),
    digits: 6,
    period: 30,
    algorithm: 'SHA1',
  });
  return totp.generate({ timestamp: Date.now() + offsetSteps * 30_000 });
}

/** Waits until a new 30-second step begins, so the next code differs from one already used. */
export async function nextTotpStep(): Promise<void> {
  const msIntoStep = Date.now() % 30_000;
  await new Promise((resolve) => setTimeout(resolve, 30_000 - msIntoStep + 200));
}
