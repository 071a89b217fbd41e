import { defineConfig } from 'drizzle-kit';

// drizzle-kit only compares the schema with the migrations folder for `generate`; the credentials matter
// for its other commands, and follow the same rule as the app: DATABASE_URL, else the embedded folder.
export default defineConfig(
  process.env.DATABASE_URL
    ? { dialect: 'postgresql', schema: './db/schema/index.ts', out: './db/migrations', dbCredentials: { url: process.env.DATABASE_URL } }
    : { dialect: 'postgresql', driver: 'pglite', schema: './db/schema/index.ts', out: './db/migrations', dbCredentials: { url: './.data/pglite' } },
);
