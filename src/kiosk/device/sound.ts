/**
 * Short tones made with WebAudio (no audio file to download or cache), one per kind of answer so that a person
 * hears which one it was without looking: rising for in, falling for out, one neutral note for "already
 * recorded", a low double buzz for a refusal.
 */
let context: AudioContext | null = null;

export type Beep = 'in' | 'out' | 'notice' | 'error';

export const TONES: Record<Beep, ReadonlyArray<{ hz: number; ms: number }>> = {
  in: [
    { hz: 660, ms: 110 },
    { hz: 990, ms: 160 },
  ],
  out: [
    { hz: 990, ms: 110 },
    { hz: 660, ms: 160 },
  ],
  notice: [{ hz: 740, ms: 140 }],
  error: [
    { hz: 220, ms: 180 },
    { hz: 180, ms: 240 },
  ],
};

export function beep(kind: Beep): void {
  if (typeof AudioContext === 'undefined') return;
  context ??= new AudioContext();
  let startS = context.currentTime;
  for (const { hz, ms } of TONES[kind]) {
    const oscillator = context.createOscillator();
    const gain = context.createGain();
    oscillator.frequency.value = hz;
    gain.gain.setValueAtTime(0.2, startS);
    gain.gain.exponentialRampToValueAtTime(0.001, startS + ms / 1000);
    oscillator.connect(gain).connect(context.destination);
    oscillator.start(startS);
    oscillator.stop(startS + ms / 1000);
    startS += ms / 1000 + 0.05;
  }
}
