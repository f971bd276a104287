import * as z from 'zod';
import { namesSchema } from './names';

/**
 * The documents the platform renders (shared/documents): an item can declare only these, so every
 * declaration has a renderer behind it.
 */
export const DOCUMENT_KINDS = ['e-licence', 'seal-filing-certificate', 'invoice-approval-notice'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/**
 * A document an item issues once approved (the registration's electronic business licence). `basis` is
 * the text that gives the document, as for a material.
 */
export const issuedDocumentSchema = z
  .object({
    kind: z.enum(DOCUMENT_KINDS),
    name: namesSchema,
    basis: z.string().min(1),
  })
  .strict();
export type IssuedDocument = z.output<typeof issuedDocumentSchema>;
