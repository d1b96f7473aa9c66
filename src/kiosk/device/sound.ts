/** Short beeps for success and error, made with WebAudio so there is no audio file to download or cache. */
let context: AudioContext | null = null;

export type Beep = 'success' | 'error';

const TONES: Record<Beep, Array<{ hz: number; ms: number }>> = {
  success: [{ hz: 880, ms: 120 }],
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
