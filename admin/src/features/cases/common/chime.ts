/**
 * The new-case alert sound, synthesised with the Web Audio API (no audio file to ship): two short
 * sine notes with a soft attack and decay. Browsers only allow audio after a user gesture, so the
 * context is created (or resumed) by `unlockChime()` from the 声音提醒 toggle's click.
 */
type AudioContextCtor = typeof AudioContext;

let context: AudioContext | null = null;

function audioContextCtor(): AudioContextCtor | null {
  if (typeof AudioContext !== 'undefined') return AudioContext;
  return (window as Window & { webkitAudioContext?: AudioContextCtor }).webkitAudioContext ?? null;
}

/** Creates or resumes the audio context; call from a click handler. */
export function unlockChime(): void {
  const Ctor = audioContextCtor();
  if (!Ctor) return;
  context ??= new Ctor();
  if (context.state === 'suspended') void context.resume();
}

function note(ctx: AudioContext, frequency: number, start: number, length: number): void {
  const osc = ctx.createOscillator();
  const gain = ctx.createGain();
  osc.type = 'sine';
  osc.frequency.setValueAtTime(frequency, start);
  gain.gain.setValueAtTime(0.0001, start);
  gain.gain.exponentialRampToValueAtTime(0.25, start + 0.02);
  gain.gain.exponentialRampToValueAtTime(0.0001, start + length);
  osc.connect(gain).connect(ctx.destination);
  osc.start(start);
  osc.stop(start + length + 0.02);
}

/** Plays the chime (≈ 0.4 s); silently does nothing where audio is unavailable or still locked. */
export function playChime(): void {
  try {
    unlockChime();
    if (!context || context.state !== 'running') return;
    const t = context.currentTime;
    note(context, 880, t, 0.18);
    note(context, 1318.5, t + 0.16, 0.24);
  } catch {
    // audio is a nicety: never let it break the live list
  }
}
