/** Welcome messages and prompts: a few minutes at most, small enough to keep in the database. */
export const recordingLimits = { maxBytes: 5 * 1024 * 1024, maxDurationSeconds: 300, minDurationSeconds: 0.2 } as const;
export const recordingMimeTypes = { wav: 'audio/wav', mp3: 'audio/mpeg' } as const;
