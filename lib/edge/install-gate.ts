import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { databaseAvailable } from '@/db/availability';
import { lastKnownTenant } from '@/lib/tenancy/resolve-host';
import { isUnservableMethod, parserErrorRefusal, refusal, repairedPercentEncoding, unavailableRefusal, type Refusal } from './request-gate';

const installedKey = Symbol.for('switchboard.requestGate');

/** The brand of a partner host this process has already resolved (no database work before routing). */
const brandOf = (host: string | undefined) => lastKnownTenant(host)?.brand ?? null;

function send(response: ServerResponse, answer: Refusal) {
  response.writeHead(answer.status, answer.headers);
  response.end(answer.body);
}

function writeRaw(socket: Duplex, answer: Refusal) {
  const reason = http.STATUS_CODES[answer.status] ?? 'Error';
  const headers = { ...answer.headers, 'Content-Length': String(Buffer.byteLength(answer.body)) };
  const head = `HTTP/1.1 ${answer.status} ${reason}\r\n${Object.entries(headers).map(([name, value]) => `${name}: ${value}`).join('\r\n')}\r\n\r\n`;
  socket.end(head + answer.body);
}

/**
 * Puts request-gate.ts in front of Next on every HTTP server of this process. `next start` creates its server
 * itself and offers no hook before routing, so the gate sits in the server's `emit`: it sees each `request`
 * before Next's listener does, and answers parser errors (`clientError`) when nobody else listens for them,
 * where Node would otherwise write an empty 400 or 431. While PostgreSQL is away (db/availability.ts) it answers
 * 503 at once instead of letting requests wait for a connection.
 */
export function installRequestGate(): void {
  const proto = http.Server.prototype as http.Server & { [installedKey]?: true };
  if (proto[installedKey]) return;
  proto[installedKey] = true;
  const emit = proto.emit;
  proto.emit = function gatedEmit(this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (event === 'request') {
      const [request, response] = args as [IncomingMessage, ServerResponse];
      if (isUnservableMethod(request.method)) {
        send(response, refusal('method_not_implemented', `${request.method} is not a method this server implements.`, { path: request.url ?? '/', host: request.headers.host }, { brand: brandOf(request.headers.host) }));
        return true;
      }
      const repaired = request.url && repairedPercentEncoding(request.url);
      if (repaired) request.url = repaired;
      if (!databaseAvailable()) {
        const answer = unavailableRefusal(request.url ?? '/', request.headers.host, brandOf(request.headers.host));
        if (answer) {
          send(response, answer);
          return true;
        }
      }
    } else if (event === 'clientError' && this.listenerCount('clientError') === 0) {
      const [error, socket] = args as [NodeJS.ErrnoException, Duplex & { bytesWritten?: number }];
      // As Node does: write only to a socket that can take it and has not had part of another answer.
      const answer = socket.writable && !socket.bytesWritten ? parserErrorRefusal(error, brandOf) : null;
      if (answer) writeRaw(socket, answer);
      else socket.destroy();
      return true;
    }
    return (emit as (this: http.Server, ...all: unknown[]) => boolean).call(this, event, ...args);
  } as typeof proto.emit;
}
