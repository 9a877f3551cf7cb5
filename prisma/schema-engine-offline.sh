#!/bin/sh
# Stand-in for Prisma's schema-engine binary, which Prisma's CLI would otherwise download from the
# web on every command. Hookline never needs it: `prisma generate` does not run it, and migrations
# are plain SQL applied by lib/db/migrate.ts (see ARCHITECTURE.md, "Migrations").
echo "Hookline: Prisma's schema engine is not installed (no downloads at install time)." >&2
echo "Apply migrations with 'npm run migrate'; write new ones as SQL under prisma/migrations/." >&2
exit 1
