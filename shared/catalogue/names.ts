import * as z from 'zod';

/** A name in both languages the platform answers in. */
export const namesSchema = z.object({ zh: z.string().min(1), en: z.string().min(1) }).strict();
export type Names = z.output<typeof namesSchema>;

/** Catalogue ids: lower-case words joined by hyphens, as in URLs. */
export const catalogueIdSchema = z.string().regex(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/);
