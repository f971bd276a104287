import * as z from 'zod';

/** A name in both languages the platform answers in. */
export const namesSchema = z.object({ zh: z.string().min(1), en: z.string().min(1) }).strict();
export type Names = z.output<typeof namesSchema>;

/** Catalogue ids: lower-case words joined by hyphens, as in URLs. */
export const catalogueIdSchema = z.string().regex(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/);

/** The words of a catalogue id, as names built from it (state names, JSONPath keys, number prefixes) use them. */
export const idWords = (id: string): string[] => id.split('-');

export const capitalized = (word: string): string => (word[0]?.toUpperCase() ?? '') + word.slice(1);
