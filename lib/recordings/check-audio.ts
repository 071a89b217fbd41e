import { parseBuffer } from 'music-metadata';
import { invalid } from '@/lib/errors/app-error';
import { recordingLimits } from './limits';

export type CheckedAudio = { format: 'wav' | 'mp3'; durationMs: number; sampleRate: number | null; channels: number | null };

/**
 * Reads the file as audio (music-metadata parses the container and frames, so a renamed text file or a
 * truncated header is refused whatever its name or declared type says), and checks its size and length.
 */
export async function checkAudio(content: Buffer): Promise<CheckedAudio> {
  if (content.length === 0) throw invalid('file', 'Choose a WAV or MP3 file.');
  if (content.length > recordingLimits.maxBytes) throw invalid('file', `The file is ${(content.length / 1024 / 1024).toFixed(1)} MB; the limit is ${recordingLimits.maxBytes / 1024 / 1024} MB.`);
  let metadata: Awaited<ReturnType<typeof parseBuffer>>;
  try {
    metadata = await parseBuffer(content, undefined, { duration: true, skipCovers: true });
  } catch {
    throw invalid('file', 'This file could not be read as WAV or MP3 audio.');
  }
  const container = (metadata.format.container ?? '').toUpperCase();
  const codec = (metadata.format.codec ?? '').toUpperCase();
  const format = container.includes('WAVE') ? 'wav' : container.includes('MPEG') && codec.includes('MPEG') && codec.includes('LAYER 3') ? 'mp3' : null;
  if (!format) throw invalid('file', `This is ${container || 'not audio'}${codec ? ` (${codec})` : ''}; upload WAV or MP3.`);
  const seconds = metadata.format.duration;
  if (!seconds || !Number.isFinite(seconds)) throw invalid('file', 'The audio’s length could not be read: the file may be damaged.');
  if (seconds < recordingLimits.minDurationSeconds) throw invalid('file', 'The recording is too short to hear.');
  if (seconds > recordingLimits.maxDurationSeconds) throw invalid('file', `The recording lasts ${Math.round(seconds)} s; the limit is ${recordingLimits.maxDurationSeconds / 60} minutes.`);
  return { format, durationMs: Math.round(seconds * 1000), sampleRate: metadata.format.sampleRate ?? null, channels: metadata.format.numberOfChannels ?? null };
}
