/** Next calls this once when a server process starts. */
export async function register() {
  // The branch keeps Node-only start-up code out of the edge bundle.
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    // First, so that as few requests as possible arrive before the socket's address is recorded for them.
    const { stampPeerAddresses } = await import('./lib/http/peer-address');
    stampPeerAddresses();
    const { startServer } = await import('./lib/startup');
    await startServer();
  }
}
