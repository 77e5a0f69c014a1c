import { defineConfig } from 'prisma/config';

// process.env rather than env(): env() throws when DATABASE_URL is unset, and generating the client needs no database.
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL ?? '' },
});
