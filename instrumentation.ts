/** Next calls this once when a server process starts. */
export async function register() {
  // The branch keeps Node-only start-up code out of the edge bundle.
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { startServer } = await import('./lib/startup');
    await startServer();
  }
}
