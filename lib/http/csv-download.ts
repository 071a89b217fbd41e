/**
 * A CSV download streamed a batch of lines at a time, so a million-row export never sits in memory. A byte-order
 * mark goes first, so spreadsheet programs read UTF-8 names right; an error mid-stream ends the download broken
 * rather than silently short.
 */
export function csvDownload<T>(filename: string, header: string, batches: AsyncGenerator<T[], void>, line: (row: T) => string): Response {
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    start: (controller) => controller.enqueue(encoder.encode(`\uFEFF${header}`)),
    async pull(controller) {
      try {
        const batch = await batches.next();
        if (batch.done) controller.close();
        else controller.enqueue(encoder.encode(batch.value.map(line).join('')));
      } catch (error) {
        controller.error(error);
      }
    },
    async cancel() {
      await batches.return(undefined);
    },
  });
  return new Response(body, { headers: csvHeaders(filename) });
}

export const csvHeaders = (filename: string) => ({
  'Content-Type': 'text/csv; charset=utf-8',
  'Content-Disposition': `attachment; filename="${filename}"`,
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
});

/** A plain-text refusal for a download link (a hand-edited URL, a lapsed session): no page, just the reason. */
export const plainRefusal = (message: string, status: number) => new Response(message, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
