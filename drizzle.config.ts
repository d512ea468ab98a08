// drizzle-kit configuration: `npx drizzle-kit generate` writes migrations for the schema files
// (server/db/schema.ts and the translation-memory tables in server/db/schema-tm.ts) into
// server/db/migrations, which server/db/index.ts applies at start. Both files must be listed, or a
// generate would see the TM tables as dropped.
import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'sqlite',
  schema: ['./server/db/schema.ts', './server/db/schema-tm.ts'],
  out: './server/db/migrations',
});
