import { platformUrl } from '../support/console';
import { call, expectProblem } from './support/http';
import { expect, test } from './support/fixtures';

const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n').toString('base64');
const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64').toString('base64');

test.describe('support tickets over REST', () => {
  test('a partner opens a ticket with the platform; the operator’s note never reaches it; another partner gets 404', async ({ world, operator }) => {
    const { a, b } = world;
    const opened = await call('POST', '/support/tickets', {
      key: a.live,
      body: { subject: 'Webhook failures', description: 'Our endpoint sees 502s since 09:00.', priority: 'high', category: 'technical', attachments: [{ filename: 'log.pdf', content_type: 'application/pdf', content_base64: pdf }] },
    });
    expect(opened.status, opened.text).toBe(201);
    expect(opened.json).toMatchObject({ object: 'ticket', level: 'partner', status: 'new', priority: 'high', sla: { paused: false, first_response: { target_seconds: 14_400, breached: false } } });
    const id = opened.json.id as string;
    const files = opened.json.attachments as { id: string; filename: string }[];
    expect(files).toEqual([expect.objectContaining({ filename: 'log.pdf', content_type: 'application/pdf' })]);
    const file = await call('GET', `/support/tickets/${id}/attachments/${files[0]!.id}`, { key: a.live });
    expect(file.json.content_base64).toBe(pdf);

    // The operator answers on its console: a note first, then a public reply that asks for more.
    const page = operator.page;
    await page.goto(platformUrl(`/admin/support/${id}`));
    await page.getByLabel('Message').fill('Their endpoint is behind a broken proxy (internal)');
    await page.getByLabel('Internal note (the requester never sees it)').check();
    await page.getByRole('button', { name: 'Send' }).click();
    await expect(page.getByTestId('internal-note')).toContainText('broken proxy');
    await page.getByLabel('Message').fill('Could you send one failing delivery id?');
    await page.getByLabel('Then set the status').selectOption('pending');
    await page.getByRole('button', { name: 'Send' }).click();
    await expect(page.getByTestId('public-reply')).toContainText('failing delivery id');

    const seen = await call('GET', `/support/tickets/${id}`, { key: a.live });
    expect(seen.json).toMatchObject({ status: 'pending', sla: { paused: true } });
    expect((seen.json.messages as { body: string; internal: boolean }[]).map((m) => [m.body, m.internal])).toEqual([['Could you send one failing delivery id?', false]]);
    expect(seen.text).not.toContain('broken proxy');

    // The requester may answer and mark its ticket solved, not set anything else, and cannot write notes.
    expectProblem(await call('PATCH', `/support/tickets/${id}`, { key: a.live, body: { priority: 'urgent' } }), 403, 'forbidden');
    expectProblem(await call('POST', `/support/tickets/${id}/replies`, { key: a.live, body: { body: 'x', internal: true } }), 403, 'forbidden');
    const answered = await call('POST', `/support/tickets/${id}/replies`, { key: a.live, body: { body: 'Delivery whd_123 failed at 09:04.' } });
    expect(answered.json).toMatchObject({ status: 'open', sla: { paused: false } });

    // Another partner, live or test, reads it exactly like a ticket that does not exist.
    for (const key of [b.live, b.test, a.test]) {
      expectProblem(await call('GET', `/support/tickets/${id}`, { key }), 404, 'not_found');
      expectProblem(await call('POST', `/support/tickets/${id}/replies`, { key, body: { body: 'hello' } }), 404, 'not_found');
      expectProblem(await call('GET', `/support/tickets/${id}/attachments/${files[0]!.id}`, { key }), 404, 'not_found');
      const list = await call('GET', '/support/tickets?limit=100', { key });
      expect(list.text).not.toContain(id);
    }
    const solved = await call('PATCH', `/support/tickets/${id}`, { key: a.live, body: { status: 'solved' } });
    expect(solved.json).toMatchObject({ status: 'solved', solved_at: expect.any(String) });
  });

  test('refuses files that are not what they claim, beside the file', async ({ world }) => {
    const send = (attachment: Record<string, string>) => call('POST', '/support/tickets', { key: world.a.live, body: { subject: 'With a file', description: 'See attached', attachments: [attachment] } });
    const cases: Record<string, string>[] = [
      { filename: 'invoice.pdf', content_type: 'application/pdf', content_base64: Buffer.from('<html><script>alert(1)</script></html>').toString('base64') },
      { filename: 'screen.png', content_type: 'image/png', content_base64: pdf },
      { filename: 'screen.pdf', content_base64: png },
    ];
    for (const attachment of cases) {
      const problem = expectProblem(await send(attachment), 400, 'validation_failed');
      expect(problem.errors).toEqual([expect.objectContaining({ pointer: '/attachments/0' })]);
    }
    expectProblem(await send({ filename: 'x.png', content_base64: 'not base64!' }), 400, 'validation_failed');
  });

  test('statistics equal a recount of the listed tickets', async ({ world }) => {
    const key = world.b.live;
    for (const [priority, category] of [['low', 'billing'], ['urgent', 'kyc'], ['urgent', 'numbers']] as const) {
      expect((await call('POST', '/support/tickets', { key, body: { subject: `Stats ${priority}`, description: 'd', priority, category } })).status).toBe(201);
    }
    const list = await call('GET', '/support/tickets?level=partner&limit=100', { key });
    const tickets = list.json.data as { status: string; priority: string; category: string; sla: { first_response: { breached: boolean }; resolution: { breached: boolean } } }[];
    const stats = await call('GET', '/support/statistics?level=partner', { key });
    expect(stats.status, stats.text).toBe(200);
    const tally = (k: 'status' | 'priority' | 'category') => tickets.reduce<Record<string, number>>((acc, t) => ({ ...acc, [t[k]]: (acc[t[k]] ?? 0) + 1 }), {});
    const nonZero = (counts: unknown) => Object.fromEntries(Object.entries(counts as Record<string, number>).filter(([, n]) => n));
    expect(stats.json.total).toBe(tickets.length);
    expect(nonZero(stats.json.by_status)).toEqual(tally('status'));
    expect(nonZero(stats.json.by_priority)).toEqual(tally('priority'));
    expect(nonZero(stats.json.by_category)).toEqual(tally('category'));
    expect((stats.json.backlog as { open: number }).open).toBe(tickets.filter((t) => ['new', 'open', 'pending', 'on_hold'].includes(t.status)).length);
    expectProblem(await call('GET', '/support/statistics?level=nobody', { key }), 400, 'validation_failed');
  });
});
