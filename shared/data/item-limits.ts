/**
 * DynamoDB refuses an item over 400 KB
 * (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/ServiceQuotas.html#limits-items),
 * and a case that cannot be written stalls. The case item holds its form and, while an answer waits,
 * one copy of the answered form per open request (at most two: invoice and seal review in parallel),
 * so a form may take at most 64 KiB: the item stays under about 200 KB at its largest. That is some
 * twenty times the sample application, with 200 natural-person shareholders still fitting.
 */
export const MAX_FORM_BYTES = 64 * 1024;

/** A form's size as UTF-8 JSON: above what DynamoDB counts for the same map (no quotes, braces or commas). */
export function formBytes(form: unknown): number {
  return new TextEncoder().encode(JSON.stringify(form)).length;
}
