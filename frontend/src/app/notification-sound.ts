let audio: AudioContext | null = null;

/** A short two-tone chime made with Web Audio: no file to load, nothing for the CSP to allow. */
export function playNotificationSound() {
  try {
    audio ??= new AudioContext();
    const now = audio.currentTime;
    [660, 880].forEach((frequency, i) => {
      const osc = audio!.createOscillator();
      const gain = audio!.createGain();
      osc.frequency.value = frequency;
      gain.gain.setValueAtTime(0.08, now + i * 0.12);
      gain.gain.exponentialRampToValueAtTime(0.0001, now + i * 0.12 + 0.2);
      osc.connect(gain).connect(audio!.destination);
      osc.start(now + i * 0.12);
      osc.stop(now + i * 0.12 + 0.22);
    });
  } catch {
    // No audio (autoplay policy, old browser): the title badge still tells.
  }
}
