/**
 * Run before the test server starts: with PostgreSQL, the browser tests get a database of their own, made
 * afresh each run. The unit tests use the configured database and seal secrets under their own keys, so sharing
 * it would leave the server rows it can neither read nor deliver.
 */
import postgres from 'postgres';
import { e2eDatabase } from './server-env';

if (e2eDatabase) {
  const name = decodeURIComponent(new URL(e2eDatabase.url).pathname.slice(1)).replaceAll('"', '""');
  const admin = postgres(e2eDatabase.adminUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.unsafe(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
}
