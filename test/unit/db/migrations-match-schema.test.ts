import pg from "pg";
import { describe, expect, it } from "vitest";
import { migrate } from "@/lib/db/migrate";
import { emptyDatabase } from "../../support/database";
import { schemaDdl } from "../../support/schema-ddl";

// Everything about a schema that Prisma models: tables, columns, enums, indexes, constraints.
const CATALOG = `
  SELECT 'column ' || table_name || '.' || column_name || ' ' || data_type || ' ' || udt_name || ' ' ||
         is_nullable || ' ' || coalesce(column_default, '') AS item
    FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'
  UNION ALL
  SELECT 'enum ' || t.typname || ' ' || string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder)
    FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid GROUP BY t.typname
  UNION ALL
  SELECT 'index ' || indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'
  UNION ALL
  SELECT 'constraint ' || c.conrelid::regclass || ' ' || c.conname || ' ' || pg_get_constraintdef(c.oid)
    FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
   WHERE n.nspname = 'public' AND c.conrelid::regclass::text <> '_prisma_migrations'
  ORDER BY 1`;

async function catalog(url: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<{ item: string }>(CATALOG)).rows.map((r) => r.item);
  } finally {
    await client.end();
  }
}

describe("prisma/migrations and prisma/schema.prisma", () => {
  it("describe the same database", { timeout: 120_000 }, async () => {
    const migrated = await emptyDatabase();
    await migrate(migrated);

    const fromSchema = await emptyDatabase();
    const ddl = await schemaDdl(fromSchema);
    expect(ddl).toContain("CREATE TABLE");
    const client = new pg.Client({ connectionString: fromSchema });
    await client.connect();
    await client.query(ddl);
    await client.end();

    const [a, b] = [await catalog(migrated), await catalog(fromSchema)];
    expect(a.length).toBeGreaterThan(50);
    expect(a).toEqual(b);
  });
});
