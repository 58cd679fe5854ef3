import { parseTree, findNodeAtLocation, printParseErrorCode, type ParseError } from 'jsonc-parser';
import type { z } from 'zod';
import { InvalidInputError, type Problem } from '../errors.js';
import { readRegularFile, type ReadOptions } from './files.js';

export { MAX_INPUT_BYTES } from './files.js';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Strict UTF-8 (a BOM is accepted and dropped). */
export function decodeText(bytes: Uint8Array, shown: string): string {
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    throw new InvalidInputError([{ file: shown, message: 'filen är inte giltig UTF-8' }]);
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * Reads a text file strictly: a regular file (never through a link unless `followLinks`), at most
 * MAX_INPUT_BYTES, UTF-8.
 */
export function readTextFile(path: string, shown: string, options: ReadOptions = {}): string {
  return decodeText(readRegularFile(path, shown, options).bytes, shown);
}

export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

const PARSE_ERROR_SV: Record<string, string> = {
  InvalidSymbol: 'ogiltigt tecken',
  InvalidNumberFormat: 'ogiltigt tal',
  PropertyNameExpected: 'egenskapsnamn väntades',
  ValueExpected: 'värde väntades',
  ColonExpected: 'kolon väntades',
  CommaExpected: 'komma väntades',
  CloseBraceExpected: '} väntades',
  CloseBracketExpected: '] väntades',
  EndOfFileExpected: 'filen borde ha slutat här',
  InvalidCommentToken: 'kommentarer är inte tillåtna i JSON',
  UnexpectedEndOfComment: 'oavslutad kommentar',
  UnexpectedEndOfString: 'oavslutad sträng',
  UnexpectedEndOfNumber: 'oavslutat tal',
  InvalidUnicode: 'ogiltig unicode-escape',
  InvalidEscapeCharacter: 'ogiltig escape-sekvens',
  InvalidCharacter: 'ogiltigt tecken i sträng',
};

/** Parses JSON text; on failure the problem names the line and column of the first error. */
export function parseJson(text: string, shown: string): unknown {
  if (text.trim() === '') throw new InvalidInputError([{ file: shown, message: 'filen är tom' }]);
  try {
    return JSON.parse(text);
  } catch (err) {
    const errors: ParseError[] = [];
    parseTree(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
    const first = errors[0];
    if (first === undefined) {
      throw new InvalidInputError([{ file: shown, message: `ogiltig JSON: ${(err as Error).message}` }]);
    }
    const code = printParseErrorCode(first.error);
    throw new InvalidInputError([
      { file: shown, ...lineAndColumn(text, first.offset), message: `ogiltig JSON: ${PARSE_ERROR_SV[code] ?? code}` },
    ]);
  }
}

export function toPointer(path: readonly PropertyKey[]): string {
  return path.map((seg) => '/' + String(seg).replace(/~/g, '~0').replace(/\//g, '~1')).join('');
}

/** Adds the line of a JSON pointer to problems about a JSON text, when the text is at hand. */
export function locate(text: string, problems: Problem[]): Problem[] {
  if (problems.every((p) => p.pointer === undefined)) return problems;
  const root = parseTree(text);
  if (root === undefined) return problems;
  return problems.map((p) => {
    if (p.pointer === undefined || p.line !== undefined) return p;
    const segments = p.pointer
      .split('/')
      .slice(1)
      .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
      .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
    // Walk up to the nearest node that exists (a missing key is reported on its parent).
    for (let n = segments.length; n >= 0; n--) {
      const node = findNodeAtLocation(root, segments.slice(0, n));
      if (node !== undefined) {
        const at = node.parent?.type === 'property' ? node.parent.offset : node.offset;
        return { ...p, line: lineAndColumn(text, at).line };
      }
    }
    return p;
  });
}

const ISSUE_SV: Record<string, (issue: z.core.$ZodIssue) => string> = {
  invalid_type: (i) => `fel typ: ${describeExpected((i as z.core.$ZodIssueInvalidType).expected)} väntades`,
  unrecognized_keys: (i) => `okänd nyckel ${(i as z.core.$ZodIssueUnrecognizedKeys).keys.map((k) => `'${k}'`).join(', ')}`,
  invalid_value: (i) => `ogiltigt värde, tillåtna: ${(i as z.core.$ZodIssueInvalidValue).values.map((v) => JSON.stringify(v)).join(', ')}`,
  too_small: (i) => {
    const t = i as z.core.$ZodIssueTooSmall;
    if (t.origin === 'array') return `minst ${String(t.minimum)} element krävs`;
    if (t.origin === 'string') return 'får inte vara tom';
    return `för litet värde, minst ${String(t.minimum)}`;
  },
  too_big: (i) => {
    const t = i as z.core.$ZodIssueTooBig;
    if (t.origin === 'array') return `högst ${String(t.maximum)} element`;
    if (t.origin === 'string') return `högst ${String(t.maximum)} tecken`;
    return `för stort värde, högst ${String(t.maximum)}`;
  },
  invalid_format: (i) => (i.message && !i.message.startsWith('Invalid') ? i.message : `ogiltigt format (${(i as z.core.$ZodIssueInvalidStringFormat).format})`),
  invalid_union: () => 'värdet passar ingen av de tillåtna formerna',
  invalid_key: () => 'ogiltig nyckel',
  invalid_element: () => 'ogiltigt element',
  not_multiple_of: () => 'ogiltigt tal',
};

function describeExpected(expected: string): string {
  const names: Record<string, string> = {
    string: 'text',
    number: 'tal',
    boolean: 'true eller false',
    object: 'objekt',
    array: 'lista',
  };
  return names[expected] ?? expected;
}

function issueMessage(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type' && (issue as z.core.$ZodIssueInvalidType).input === undefined) return 'saknas';
  if (issue.code === 'custom') return issue.message;
  return ISSUE_SV[issue.code]?.(issue) ?? issue.message;
}

export function zodProblems(shown: string, error: z.ZodError): Problem[] {
  return error.issues.map((issue) => ({ file: shown, pointer: toPointer(issue.path), message: issueMessage(issue) }));
}

const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Whether a text can hold an unsafe key at all: the words themselves, or a \u escape that could
 * spell them. Most files have neither, and skip the walk over every key.
 */
const UNSAFE_TEXT = /__proto__|constructor|prototype|\\u/;

export function mayHaveUnsafeKeys(text: string): boolean {
  return UNSAFE_TEXT.test(text);
}

/** Keys that would reach an object's prototype once copied are refused wherever they stand. */
export function unsafeKeyProblems(value: unknown, shown: string, path: PropertyKey[] = []): Problem[] {
  if (value === null || typeof value !== 'object') return [];
  if (Array.isArray(value)) return value.flatMap((v, i) => unsafeKeyProblems(v, shown, [...path, i]));
  return Object.keys(value).flatMap((key) =>
    UNSAFE_KEYS.has(key)
      ? [{ file: shown, pointer: toPointer([...path, key]), message: `nyckeln '${key}' är inte tillåten` }]
      : unsafeKeyProblems((value as Record<string, unknown>)[key], shown, [...path, key]),
  );
}

/** Parses and validates JSON text against a zod schema; throws InvalidInputError naming the place. */
export function parseJsonText<T>(text: string, shown: string, schema: z.ZodType<T>): T {
  const raw = parseJson(text, shown);
  const unsafe = mayHaveUnsafeKeys(text) ? unsafeKeyProblems(raw, shown) : [];
  if (unsafe.length > 0) throw new InvalidInputError(locate(text, unsafe));
  const parsed = schema.safeParse(raw, { reportInput: true });
  if (!parsed.success) throw new InvalidInputError(locate(text, zodProblems(shown, parsed.error)));
  return parsed.data;
}

/** Reads, parses and validates one JSON file against a zod schema; throws InvalidInputError. */
export function loadJsonFile<T>(path: string, shown: string, schema: z.ZodType<T>): { value: T; text: string } {
  const text = readTextFile(path, shown);
  return { value: parseJsonText(text, shown, schema), text };
}

export type Loaded<T> = { ok: true; value: T; text: string } | { ok: false; problems: Problem[] };

/** Like loadJsonFile, but returns the problems instead of throwing, so a caller can gather all. */
export function tryLoadJsonFile<T>(path: string, shown: string, schema: z.ZodType<T>): Loaded<T> {
  try {
    return { ok: true, ...loadJsonFile(path, shown, schema) };
  } catch (err) {
    if (err instanceof InvalidInputError) return { ok: false, problems: err.problems };
    throw err;
  }
}
