import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";

// The one Prisma client. Kept on globalThis so Next's dev reloads and test files share it.
const globalForPrisma = globalThis as unknown as { hooklinePrisma?: PrismaClient };

function createClient(): PrismaClient {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set: start Hookline with `npm start`, which sets it.");
  const adapter = new PrismaPg({ connectionString: url, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) });
  return new PrismaClient({ adapter });
}

export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, property) {
    globalForPrisma.hooklinePrisma ??= createClient();
    const value = Reflect.get(globalForPrisma.hooklinePrisma, property);
    return typeof value === "function" ? value.bind(globalForPrisma.hooklinePrisma) : value;
  },
});

export async function disconnectDb(): Promise<void> {
  await globalForPrisma.hooklinePrisma?.$disconnect();
  globalForPrisma.hooklinePrisma = undefined;
}

export type { Prisma } from "@/lib/generated/prisma/client";
