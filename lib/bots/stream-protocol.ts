import { randomBytes } from 'node:crypto';

/**
 * The messages we send a bot, in the media-stream style most voice bots speak (JSON text frames, one event
 * each): `connected` once the socket opens, then `start` describing the call and its audio, then `media`
 * frames (base64 μ-law, 8 kHz, mono), and `stop` when the call ends. "Test connection" sends the `connected`
 * and `start` pair with `customParameters.test = "true"`, waits for the bot's first message, then sends `stop`.
 */
export type StreamStart = {
  event: 'start';
  sequenceNumber: string;
  streamSid: string;
  start: {
    streamSid: string;
    callSid: string;
    tracks: ['inbound'];
    customParameters: Record<string, string>;
    mediaFormat: { encoding: 'audio/x-mulaw'; sampleRate: 8000; channels: 1 };
  };
};

const sid = (prefix: string) => `${prefix}${randomBytes(16).toString('hex')}`;

export function testCallMessages(parameters: Record<string, string> = {}) {
  const streamSid = sid('MZ');
  const callSid = sid('CA');
  const connected = { event: 'connected', protocol: 'Call', version: '1.0.0' } as const;
  const start: StreamStart = {
    event: 'start',
    sequenceNumber: '1',
    streamSid,
    start: { streamSid, callSid, tracks: ['inbound'], customParameters: { test: 'true', ...parameters }, mediaFormat: { encoding: 'audio/x-mulaw', sampleRate: 8000, channels: 1 } },
  };
  const stop = { event: 'stop', sequenceNumber: '2', streamSid, stop: { callSid } } as const;
  return { connected, start, stop };
}
