import type { z } from "zod";

export interface Operation {
  method: "get" | "post" | "put" | "patch" | "delete";
  path: string;
  tag: string;
  summary: string;
  query?: z.ZodObject;
  body?: z.ZodType;
  response?: { status: number; schema?: z.ZodType; list?: boolean };
}
