// drizzle-kit configuration: `npx drizzle-kit generate` writes migrations for server/db/schema.ts
// into server/db/migrations, which server/db/migrate.ts applies at start.
import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'sqlite',
  schema: './server/db/schema.ts',
  out: './server/db/migrations',
});
