import { and, eq, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { getDb } from '@/db';
import { clients, recordings } from '@/db/schema';
import type { PartnerCtx } from '@/lib/audit/context';
import { recordAudit } from '@/lib/audit/record-audit';
import { requirePartnerRole } from '@/lib/auth/permissions';
import { notFound } from '@/lib/errors/app-error';
import { parseInput } from '@/lib/errors/zod';
import { cursorClauses } from '@/lib/pagination/cursor-sql';
import { cursorQuery, toPage, type ListParams, type Page } from '@/lib/pagination/cursor';
import { recordUsage } from '@/lib/usage/record-usage';
import { checkAudio } from './check-audio';
import { recordingMimeTypes } from './limits';

export const recordingNameSchema = z.string('Name the recording.').trim().min(1, 'Name the recording.').max(100, 'Use at most 100 characters.');
const uploadSchema = z.object({ name: recordingNameSchema });

export const recordingColumns = {
  id: recordings.id,
  clientId: recordings.clientId,
  name: recordings.name,
  format: recordings.format,
  durationMs: recordings.durationMs,
  sizeBytes: recordings.sizeBytes,
  sampleRate: recordings.sampleRate,
  channels: recordings.channels,
  createdAt: recordings.createdAt,
};

export type RecordingView = { id: string; clientId: string; name: string; format: 'wav' | 'mp3'; durationMs: number; sizeBytes: number; sampleRate: number | null; channels: number | null; createdAt: Date };

const ownRecording = (ctx: PartnerCtx, id: string): SQL => and(eq(recordings.id, id), eq(recordings.partnerId, ctx.partnerId))!;

/** Stores a checked WAV or MP3 for one of the caller's clients. */
export async function uploadRecording(ctx: PartnerCtx, clientId: string, input: { name?: unknown; content: Buffer }): Promise<RecordingView> {
  requirePartnerRole(ctx, 'admin');
  const { name } = parseInput(uploadSchema, { name: input.name });
  const audio = await checkAudio(input.content);
  return getDb().transaction(async (tx) => {
    const [client] = await tx.select({ id: clients.id }).from(clients).where(and(eq(clients.id, clientId), eq(clients.partnerId, ctx.partnerId)));
    if (!client) throw notFound('Client');
    const [row] = await tx
      .insert(recordings)
      .values({ partnerId: ctx.partnerId, clientId, name, format: audio.format, durationMs: audio.durationMs, sizeBytes: input.content.length, sampleRate: audio.sampleRate, channels: audio.channels, content: input.content })
      .returning(recordingColumns);
    await recordUsage(tx, { partnerId: ctx.partnerId, clientId, kind: 'storage_bytes', quantity: input.content.length, idempotencyKey: `recording:${row!.id}:stored`, sourceId: row!.id, occurredAt: row!.createdAt });
    await recordAudit(tx, ctx, { partnerId: ctx.partnerId, action: 'recording.uploaded', targetType: 'recording', targetId: row!.id, after: { clientId, name, format: audio.format, durationMs: audio.durationMs, sizeBytes: input.content.length } });
    return row!;
  });
}

export async function listRecordings(ctx: PartnerCtx, filters: { clientId?: string } & Partial<ListParams> = {}): Promise<Page<RecordingView>> {
  requirePartnerRole(ctx, 'member');
  const query = cursorQuery({ ...filters, limit: filters.limit ?? 100 });
  const { where, orderBy } = cursorClauses(recordings.id, query);
  const rows = await getDb()
    .select(recordingColumns)
    .from(recordings)
    .where(and(eq(recordings.partnerId, ctx.partnerId), filters.clientId ? eq(recordings.clientId, filters.clientId) : undefined, where))
    .orderBy(orderBy)
    .limit(query.take);
  return toPage(rows, query);
}

export async function getRecording(ctx: PartnerCtx, id: string): Promise<RecordingView> {
  requirePartnerRole(ctx, 'member');
  const [row] = await getDb().select(recordingColumns).from(recordings).where(ownRecording(ctx, id)).limit(1);
  if (!row) throw notFound('Recording');
  return row;
}

/** The audio itself, for playing in the console or fetching over the API. */
export async function readRecordingAudio(ctx: PartnerCtx, id: string): Promise<{ content: Buffer; mimeType: string; name: string; format: 'wav' | 'mp3' }> {
  requirePartnerRole(ctx, 'member');
  const [row] = await getDb().select({ content: recordings.content, format: recordings.format, name: recordings.name }).from(recordings).where(ownRecording(ctx, id)).limit(1);
  if (!row) throw notFound('Recording');
  return { content: row.content, mimeType: recordingMimeTypes[row.format], name: row.name, format: row.format };
}

export async function deleteRecording(ctx: PartnerCtx, id: string): Promise<{ id: string }> {
  requirePartnerRole(ctx, 'admin');
  return getDb().transaction(async (tx) => {
    const [row] = await tx.delete(recordings).where(ownRecording(ctx, id)).returning({ id: recordings.id, name: recordings.name, clientId: recordings.clientId, sizeBytes: recordings.sizeBytes });
    if (!row) throw notFound('Recording');
    await recordUsage(tx, { partnerId: ctx.partnerId, clientId: row.clientId, kind: 'storage_bytes', quantity: -row.sizeBytes, idempotencyKey: `recording:${row.id}:removed`, sourceId: row.id, occurredAt: new Date() });
    await recordAudit(tx, ctx, { partnerId: ctx.partnerId, action: 'recording.deleted', targetType: 'recording', targetId: row.id, before: { name: row.name, clientId: row.clientId } });
    return { id: row.id };
  });
}
