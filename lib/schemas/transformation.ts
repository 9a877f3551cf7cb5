import { z } from "zod";
/** Svix's limit on a transformation's code. */
export const TRANSFORMATION_CODE_MAX = 51_200;

/** Svix's EndpointTransformationPatch. */
export const transformationPatch = z.object({
  code: z.string().min(10).max(TRANSFORMATION_CODE_MAX).nullish(),
  enabled: z.boolean().optional(),
  variables: z
    .record(z.string().max(256), z.string().max(4096))
    .refine((v) => Object.keys(v).length <= 50, "at most 50 variables")
    .nullish(),
});

export const transformationOut = z.object({
  code: z.string().nullable(),
  enabled: z.boolean(),
  variables: z.record(z.string(), z.string()).nullable(),
  updatedAt: z.string().nullable(),
});
