import type { AttachmentInput } from './schemas';

/** The files a form sent under `name` (empty file inputs send an unnamed empty file, which is skipped). */
export async function filesOf(formData: FormData, name = 'attachments'): Promise<AttachmentInput[]> {
  const files = formData.getAll(name).filter((value): value is File => typeof value !== 'string' && value.size > 0);
  return Promise.all(files.map(async (file) => ({ filename: file.name, contentType: file.type || undefined, bytes: Buffer.from(await file.arrayBuffer()) })));
}
