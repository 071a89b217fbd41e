import { describe, expect, it } from 'vitest';
import { seedClient } from '@/lib/clients/seed-client';
import { mp3File, wavFile } from '@/test/audio';
import { makePartner, systemFor, unique } from '@/test/factories';
import { checkAudio } from './check-audio';
import { deleteRecording, listRecordings, readRecordingAudio, uploadRecording } from './manage-recordings';

describe('checkAudio', () => {
  it('reads WAV and MP3 by parsing them, with their duration', async () => {
    expect(await checkAudio(wavFile(2.5))).toMatchObject({ format: 'wav', durationMs: 2500, sampleRate: 8000, channels: 1 });
    const mp3 = await checkAudio(mp3File(3));
    expect(mp3.format).toBe('mp3');
    expect(mp3.durationMs).toBeGreaterThan(2900);
    expect(mp3.durationMs).toBeLessThan(3200);
  });

  it.each([
    ['empty', Buffer.alloc(0), 'Choose a WAV or MP3'],
    ['text named .wav', Buffer.from('hello, this is not audio at all'.repeat(10)), 'could not be read'],
    ['too long', wavFile(301, 4000), 'the limit is 5 minutes'],
    ['too large', Buffer.alloc(5 * 1024 * 1024 + 1), 'the limit is 5 MB'],
    ['too short', wavFile(0.05), 'too short'],
  ])('refuses %s beside the file field', async (_label, content, message) => {
    await expect(checkAudio(content)).rejects.toMatchObject({ code: 'validation_failed', fieldErrors: { file: expect.stringContaining(message) } });
  });
});

describe('recordings', () => {
  it('stores the audio in the database, plays it back byte for byte, and keeps to the partner', async () => {
    const ctx = systemFor((await makePartner('rec')).id);
    const client = await seedClient(ctx, { name: `Client ${unique()}`, email: `c-${unique()}@example.com`, status: 'active' });
    const content = wavFile(1);
    const recording = await uploadRecording(ctx, client.id, { name: 'Welcome', content });
    expect(recording).toMatchObject({ name: 'Welcome', format: 'wav', durationMs: 1000, sizeBytes: content.length });
    const audio = await readRecordingAudio(ctx, recording.id);
    expect(audio.mimeType).toBe('audio/wav');
    expect(Buffer.compare(audio.content, content)).toBe(0);
    expect((await listRecordings(ctx, { clientId: client.id })).data.map((r) => r.id)).toEqual([recording.id]);
    const other = systemFor((await makePartner('rec-x')).id);
    await expect(readRecordingAudio(other, recording.id)).rejects.toMatchObject({ code: 'not_found' });
    await expect(uploadRecording(other, client.id, { name: 'x', content })).rejects.toMatchObject({ code: 'not_found' });
    await expect(uploadRecording(ctx, client.id, { name: '', content })).rejects.toMatchObject({ fieldErrors: { name: expect.any(String) } });
    await deleteRecording(ctx, recording.id);
    expect((await listRecordings(ctx, { clientId: client.id })).data).toEqual([]);
  });
});
