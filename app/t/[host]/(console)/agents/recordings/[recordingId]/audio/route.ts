import { requireConsoleSession } from '@/lib/auth/session';
import { AppError } from '@/lib/errors/app-error';
import { readRecordingAudio } from '@/lib/recordings/manage-recordings';

// GET /agents/recordings/:id/audio – the recording's audio for the console's player (the session is checked again here)
export async function GET(_request: Request, { params }: { params: Promise<{ recordingId: string }> }) {
  const { dataCtx } = await requireConsoleSession();
  try {
    const audio = await readRecordingAudio(dataCtx, (await params).recordingId);
    return new Response(new Uint8Array(audio.content), {
      headers: { 'Content-Type': audio.mimeType, 'Content-Length': String(audio.content.length), 'Cache-Control': 'private, max-age=3600', 'Content-Disposition': `inline; filename="recording.${audio.format}"` },
    });
  } catch (error) {
    if (error instanceof AppError && error.code === 'not_found') return new Response('Not found', { status: 404 });
    throw error;
  }
}
