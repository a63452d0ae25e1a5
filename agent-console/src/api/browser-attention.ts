/**
 * @module The browser's ways of getting attention: a two-note chime generated with WebAudio (no
 * audio file to load) and a desktop Notification, only when the agent granted permission.
 */
import type { AttentionOutputs } from './attention.ts';

let audio: AudioContext | null = null;

function chime(): void {
  try {
    audio ??= new AudioContext();
    const start = audio.currentTime;
    for (const [offset, frequency] of [
      [0, 880],
      [0.12, 1320],
    ] as const) {
      const oscillator = audio.createOscillator();
      const gain = audio.createGain();
      oscillator.type = 'sine';
      oscillator.frequency.value = frequency;
      // a soft attack and a quick fade: audible, never shrill
      gain.gain.setValueAtTime(0.0001, start + offset);
      gain.gain.exponentialRampToValueAtTime(0.15, start + offset + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, start + offset + 0.3);
      oscillator.connect(gain).connect(audio.destination);
      oscillator.start(start + offset);
      oscillator.stop(start + offset + 0.32);
    }
  } catch {
    // no audio (autoplay policy before any click, or no device): the notification and title still tell
  }
}

function notify(title: string, body: string, tag: string): void {
  if (typeof Notification === 'undefined' || Notification.permission !== 'granted') return;
  const notification = new Notification(title, { body, tag });
  notification.onclick = () => {
    window.focus();
    notification.close();
  };
}

export const browserAttention: AttentionOutputs = { chime, notify };
