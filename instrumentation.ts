/** Next calls this once when a server process starts. */
export async function register() {
  // The branch keeps Node-only start-up code out of the edge bundle.
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    // First, so that as few requests as possible arrive before the socket's address is recorded for them.
    const { stampPeerAddresses } = await import('./lib/http/peer-address');
    stampPeerAddresses();
    const { installRequestGate } = await import('./lib/edge/install-gate');
    installRequestGate();
    const { startServer } = await import('./lib/startup');
    await startServer();
  }
}

/**
 * Next reports here every error a page, server action or route handler threw. One that says PostgreSQL is away
 * tells the request gate at once, so the next requests get the 503 page rather than this one's 500.
 */
export async function onRequestError(error: unknown) {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { noteDatabaseError } = await import('./db/availability');
    noteDatabaseError(error);
  }
}
