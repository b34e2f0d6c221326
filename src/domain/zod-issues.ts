import type { z } from 'zod';

/**
 * What people are told when input they gave (environment variables, the directory file, the web demo's form, an
 * admin command) does not fit its schema. A schema's own message (`.regex(re, 'use lower-case letters…')`, a refine's
 * message) always wins; this map words only what zod would word itself, in the words Vaktpost has always used (those
 * of zod 3: "Required", "Expected number, received nan", "String must contain at least 1 character(s)"), so an
 * upgrade of zod changes no message an operator or a test relies on. Pass it to the parse: `safeParse(input, {
 * error: issueWording })`.
 */
export const issueWording: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case 'invalid_type': {
      const received = receivedType(issue.input);
      if (received === 'undefined') return 'Required';
      const expected = issue.expected === 'int' ? 'integer' : issue.expected;
      return `Expected ${expected}, received ${expected === 'integer' && received === 'number' ? 'float' : received}`;
    }
    case 'invalid_value':
      if (issue.values.length === 1) return `Invalid literal value, expected ${JSON.stringify(issue.values[0])}`;
      return `Invalid enum value. Expected ${issue.values.map(quoted).join(' | ')}, received ${quoted(issue.input)}`;
    case 'too_small':
      return sizeText(
        issue.origin,
        issue.exact ? 'exactly' : issue.inclusive ? 'at least' : 'more than',
        issue.minimum,
      );
    case 'too_big':
      return sizeText(issue.origin, issue.exact ? 'exactly' : issue.inclusive ? 'at most' : 'less than', issue.maximum);
    case 'invalid_format':
      if (issue.format === 'regex') return 'Invalid';
      if (issue.format === 'starts_with') return `Invalid input: must start with "${String(issue.prefix)}"`;
      if (issue.format === 'ends_with') return `Invalid input: must end with "${String(issue.suffix)}"`;
      if (issue.format === 'includes') return `Invalid input: must include "${String(issue.includes)}"`;
      return `Invalid ${issue.format}`;
    case 'not_multiple_of':
      return `Number must be a multiple of ${String(issue.divisor)}`;
    case 'unrecognized_keys':
      return `Unrecognized key(s) in object: ${issue.keys.map(quoted).join(', ')}`;
    case 'invalid_key':
    case 'invalid_element':
      // What is wrong with the key itself (zod 3 reported the key's own issue at the key's path, as this does).
      return issue.issues.map((inner) => inner.message).join('; ') || 'Invalid key';
    case 'invalid_union': {
      // A discriminated union names the discriminator values it knows.
      const options: unknown = issue.options;
      if (Array.isArray(options) && options.length > 0) {
        return `Invalid discriminator value. Expected ${options.map(quoted).join(' | ')}`;
      }
      return 'Invalid input';
    }
    default:
      return 'Invalid input';
  }
};

/** The type names zod 3 used in "received …" (an array is "array", NaN is "nan", null is "null"). */
function receivedType(input: unknown): string {
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'array';
  if (typeof input === 'number') return Number.isNaN(input) ? 'nan' : 'number';
  if (input instanceof Date) return 'date';
  return typeof input;
}

const quoted = (value: unknown): string => (typeof value === 'string' ? `'${value}'` : String(value));

function sizeText(origin: string, bound: string, limit: number | bigint): string {
  if (origin === 'string') return `String must contain ${bound} ${String(limit)} character(s)`;
  if (origin === 'array' || origin === 'set') return `Array must contain ${bound} ${String(limit)} element(s)`;
  const relation =
    bound === 'exactly'
      ? 'exactly'
      : bound === 'at least'
        ? 'greater than or equal to'
        : bound === 'more than'
          ? 'greater than'
          : bound === 'at most'
            ? 'less than or equal to'
            : 'less than';
  if (origin === 'date') return `Date must be ${relation} ${new Date(Number(limit)).toISOString()}`;
  return `Number must be ${relation} ${String(limit)}`;
}

/** Formats zod issues as "field.path: what is wrong" lines, so an admin knows exactly what to fix. */
export function describeZodError(error: z.ZodError): string {
  return error.issues
    .map((issue) => `  - ${issue.path.length > 0 ? issue.path.map(String).join('.') : '(top level)'}: ${issue.message}`)
    .join('\n');
}
