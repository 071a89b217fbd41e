/**
 * Run before the test server starts: with PostgreSQL, the browser tests get a database of their own, made
 * afresh each run. The unit tests use the configured database and seal secrets under their own keys, so sharing
 * it would leave the server rows it can neither read nor deliver.
 */
import postgres from 'postgres';
import { e2eDatabaseUrl } from './server-env';

if (e2eDatabaseUrl && process.env.DATABASE_URL) {
  const name = new URL(e2eDatabaseUrl).pathname.slice(1);
  const admin = postgres(process.env.DATABASE_URL, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.unsafe(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
}
