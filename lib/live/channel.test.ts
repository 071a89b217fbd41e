import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { liveSubscriberCount, notifyLive, subscribeLive } from './channel';
import { sseResponse } from './sse';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('live channels', () => {
  it('delivers a notice only when its transaction commits, to every subscriber, until each unsubscribes', async () => {
    const a: unknown[] = [];
    const b: unknown[] = [];
    const stopA = await subscribeLive('live_test', (p) => a.push(p));
    const stopB = await subscribeLive('live_test', (p) => b.push(p));
    await getDb()
      .transaction(async (tx) => {
        await notifyLive(tx, 'live_test', { n: 'rolled back' });
        await tx.execute(sql`select 1`);
        throw new Error('undo');
      })
      .catch(() => {});
    await getDb().transaction(async (tx) => notifyLive(tx, 'live_test', { n: 1 }));
    for (let i = 0; i < 200 && (a.length < 1 || b.length < 1); i++) await sleep(10);
    expect(a).toEqual([{ n: 1 }]);
    expect(b).toEqual([{ n: 1 }]);
    stopA();
    expect(liveSubscriberCount('live_test')).toBe(1);
    await notifyLive(getDb(), 'live_test', { n: 2 });
    for (let i = 0; i < 200 && b.length < 2; i++) await sleep(10);
    expect(a).toHaveLength(1);
    expect(b).toEqual([{ n: 1 }, { n: 2 }]);
    stopB();
  });

  it('refuses channel names that are not plain identifiers and payloads PostgreSQL would refuse', async () => {
    await expect(notifyLive(getDb(), 'bad name; drop', {})).rejects.toThrow();
    await expect(notifyLive(getDb(), 'live_test', { big: 'x'.repeat(9000) })).rejects.toThrow();
  });
});

describe('sseResponse', () => {
  it('frames events, sends the retry hint first, and stops its source when the client goes away', async () => {
    const abort = new AbortController();
    let stopped = false;
    const response = sseResponse({
      signal: abort.signal,
      start: async (send) => {
        send('snapshot', { a: 1 });
        send('agent', { b: 'two' }, 'x1');
        return () => {
          stopped = true;
        };
      },
    });
    expect(response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    const reader = response.body!.getReader();
    let text = '';
    while (!text.includes('x1')) text += new TextDecoder().decode((await reader.read()).value);
    for (let i = 0; i < 3 && !text.endsWith('\n\n'); i++) text += new TextDecoder().decode((await reader.read()).value);
    expect(text).toBe('retry: 1000\n\nevent: snapshot\ndata: {"a":1}\n\nid: x1\nevent: agent\ndata: {"b":"two"}\n\n');
    abort.abort();
    await sleep(10);
    expect(stopped).toBe(true);
  });
});
