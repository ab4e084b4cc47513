/**
 * Report reference numbers: `SG-<year>-<sequence>`, the sequence zero-padded to six digits
 * (SG-2026-000123). The number is what the reporter and the security team quote to each other.
 */

/** What a stored reference looks like (wider than today's format so a seventh digit still matches). */
export const REFERENCE_PATTERN = /^SG-\d{4}-\d{4,}$/;

const SEQUENCE_DIGITS = 6;
const LOOSE_REFERENCE = /^\s*sg\s*-?\s*(\d{4})\s*-?\s*(\d{1,9})\s*$/i;

/** Formats a year and a positive sequence number as a reference. */
export function formatReference(year: number, sequence: number): string {
  if (!Number.isInteger(year) || year < 1000 || year > 9999)
    throw new RangeError('year must have four digits');
  if (!Number.isInteger(sequence) || sequence < 1)
    throw new RangeError('sequence must be a positive integer');
  return `SG-${year}-${String(sequence).padStart(SEQUENCE_DIGITS, '0')}`;
}

/** True when `value` is a well-formed reference (exact form, as stored). */
export function isReference(value: string): boolean {
  return REFERENCE_PATTERN.test(value);
}

/**
 * Turns what a person types ("sg-2026-123", " SG 2026 000123 ") into the stored form, or undefined
 * when it cannot be a reference. Lets lookups accept casual typing without accepting anything else.
 */
export function normalizeReference(input: string): string | undefined {
  const match = LOOSE_REFERENCE.exec(input);
  if (!match?.[1] || !match[2]) return undefined;
  const sequence = Number(match[2]);
  if (sequence < 1) return undefined;
  return formatReference(Number(match[1]), sequence);
}
