import { levelDbfs, VOICE_DBFS } from '@adal/shared/identity';

/**
 * The microphone's level, measured on the device with Web Audio (nothing is recorded or sent by
 * this path): `onLevel` gets whether someone is speaking, four times a second. The "voice" flag
 * comes from `EpisodeTracker` once it lasts.
 */
export function watchVoice(
  track: MediaStreamTrack,
  onLevel: (speaking: boolean, dbfs: number) => void,
): () => void {
  const context = new AudioContext();
  const source = context.createMediaStreamSource(new MediaStream([track]));
  const analyser = context.createAnalyser();
  analyser.fftSize = 2048;
  source.connect(analyser);
  const samples = new Float32Array(analyser.fftSize);
  const timer = setInterval(() => {
    analyser.getFloatTimeDomainData(samples);
    const dbfs = levelDbfs(samples);
    onLevel(dbfs > VOICE_DBFS, dbfs);
  }, 250);
  return () => {
    clearInterval(timer);
    source.disconnect();
    void context.close();
  };
}
