import type { ApplicationOut } from "@/lib/schemas/application";

export const applicationSelect = {
  id: true,
  uid: true,
  name: true,
  metadata: true,
  throttleRate: true,
  createdAt: true,
  updatedAt: true,
} as const;

export function serializeApplication(app: {
  id: string;
  uid: string | null;
  name: string;
  metadata: unknown;
  throttleRate: number | null;
  createdAt: Date;
  updatedAt: Date;
}): ApplicationOut {
  return {
    id: app.id,
    uid: app.uid,
    name: app.name,
    metadata: (app.metadata ?? {}) as Record<string, string>,
    throttleRate: app.throttleRate,
    createdAt: app.createdAt.toISOString(),
    updatedAt: app.updatedAt.toISOString(),
  };
}
