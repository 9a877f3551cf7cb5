import { z } from "zod";

export const signUpIn = z.object({
  email: z.string().trim().toLowerCase().email("Enter a valid email address").max(254),
  password: z.string().min(10, "Use at least 10 characters").max(200, "Use at most 200 characters"),
  name: z.string().trim().max(100).optional(),
  tenantName: z.string().trim().max(100).optional(),
});

export const teamName = z.string().trim().min(1, "Give the team a name").max(100);
export const apiKeyName = z.string().trim().min(1, "Give the key a name").max(100);
