import { defineConfig } from 'drizzle-kit';

// Migrations are generated from every *.tables.ts file and applied at boot (src/platform/db/migrate.ts).
export default defineConfig({
  dialect: 'postgresql',
  schema: ['./src/platform/**/*.tables.ts', './src/modules/**/*.tables.ts'],
  out: './drizzle',
});
