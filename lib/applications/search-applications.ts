import { db } from "@/lib/db";

/** The portal's application list: newest first, optionally filtered by name or uid, with counts. */
export async function searchApplications(tenantId: string, q: string | undefined, take = 100) {
  const term = q?.trim();
  return db.application.findMany({
    where: {
      tenantId,
      internal: false,
      ...(term
        ? {
            OR: [
              { name: { contains: term, mode: "insensitive" } },
              { uid: { contains: term, mode: "insensitive" } },
            ],
          }
        : {}),
    },
    orderBy: { id: "desc" },
    take,
    select: { id: true, uid: true, name: true, createdAt: true, _count: { select: { endpoints: true } } },
  });
}
