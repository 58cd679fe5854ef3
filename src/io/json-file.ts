import { parseTree, findNodeAtLocation, printParseErrorCode, type ParseError } from 'jsonc-parser';
import type { z } from 'zod';
import { InvalidInputError, type Problem } from '../errors.js';
import { m } from '../ui/i18n.js';
import { readRegularFile, type ReadOptions } from './files.js';

export { MAX_INPUT_BYTES } from './files.js';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Strict UTF-8 (a BOM is accepted and dropped). */
export function decodeText(bytes: Uint8Array, shown: string): string {
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    throw new InvalidInputError([{ file: shown, message: m().js_notUtf8 }]);
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


/**
 * Deeper nesting is refused: no efterlev file comes near it, and the recursive walks after
 * parsing (jsonc-parser's tree, the unsafe-key walk, zod) must never overflow the stack.
 */
export const MAX_JSON_DEPTH = 64;

/** The first syntax error, at its line and column. */
function syntaxProblem(text: string, shown: string, err: Error): Problem {
  const errors: ParseError[] = [];
  try {
    parseTree(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  } catch {
    // Only the message is lost: the depth scan before this keeps real input shallow enough.
  }
  const first = errors[0];
  if (first === undefined) return { file: shown, message: `ogiltig JSON: ${err.message}` };
  const code = printParseErrorCode(first.error);
  return { file: shown, ...lineAndColumn(text, first.offset), message: m().js_invalid(m().js_parseError(code)) };
}

/**
 * Parses JSON text strictly: a syntax error is named at its line and column; a key given twice
 * in one object (JSON.parse keeps the last silently) and nesting deeper than MAX_JSON_DEPTH are
 * refused with their pointer and line.
 */
export function parseJson(text: string, shown: string): unknown {
  if (!/\S/.test(text)) throw new InvalidInputError([{ file: shown, message: m().si_empty }]);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    const { tooDeep } = scanStructure(text, shown);
    throw new InvalidInputError([tooDeep ?? syntaxProblem(text, shown, err as Error)]);
  }
  // Cheap check first (every command reads every answer file); the scan only when it cannot tell.
  if (keysOf(value) !== keyMarks(text)) {
    const { duplicates, tooDeep } = scanStructure(text, shown);
    if (tooDeep !== undefined || duplicates.length > 0) throw new InvalidInputError(tooDeep ? [tooDeep] : duplicates);
  }
  return value;
}

/** How many keys a parsed document has, or -1 when it nests deeper than MAX_JSON_DEPTH. */
function keysOf(root: unknown): number {
  let keys = 0;
  const values: object[] = [];
  const depths: number[] = [];
  const visit = (value: unknown, depth: number): void => {
    if (value !== null && typeof value === 'object') values.push(value), depths.push(depth);
  };
  visit(root, 1);
  while (values.length > 0) {
    const value = values.pop()!;
    const depth = depths.pop()!;
    if (depth > MAX_JSON_DEPTH) return -1;
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) visit(value[i], depth + 1);
    } else {
      for (const key in value) {
        keys++;
        visit((value as Record<string, unknown>)[key], depth + 1);
      }
    }
  }
  return keys;
}

const KEY_END = /"[ \t\n\r]*:/g;

/**
 * At least as many as the keys written in a JSON text: every key ends in `"` and `:` (a `\":` in
 * a string counts too). When it equals the parsed document's keys, JSON.parse dropped none.
 */
function keyMarks(text: string): number {
  let marks = 0;
  KEY_END.lastIndex = 0;
  while (KEY_END.test(text)) marks++;
  return marks;
}

/** Where the string that opens at `start` closes (its closing quote), or the end of the text. */
function stringEnd(text: string, start: number): number {
  for (let from = start + 1; ; ) {
    const quote = text.indexOf('"', from);
    if (quote === -1) return text.length;
    let backslashes = 0;
    while (text.charCodeAt(quote - 1 - backslashes) === 92) backslashes++;
    if (backslashes % 2 === 0) return quote;
    from = quote + 1;
  }
}

function decodeKey(raw: string): string {
  if (!raw.includes('\\')) return raw;
  try {
    return JSON.parse(`"${raw}"`) as string;
  } catch {
    return raw;
  }
}

interface Frame {
  /** Keys seen so far and where, for an object; undefined for an array. */
  keys: Map<string, number> | undefined;
  expectKey: boolean;
  key: string;
  index: number;
}

const MAX_DUPLICATES = 20;

/**
 * Walks a JSON text without recursion, finding keys given twice and nesting deeper than the
 * limit, each with its pointer, line and column. Tolerates broken JSON (only the depth is then
 * of use), so that a syntax error deep down is reported without a stack overflow.
 */
function scanStructure(text: string, shown: string): { duplicates: Problem[]; tooDeep?: Problem } {
  const frames: Frame[] = [];
  const duplicates: Problem[] = [];
  const here = () => frames.map((f) => (f.keys ? f.key : f.index));
  const at = (offset: number) => lineAndColumn(text, offset);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const top = frames[frames.length - 1];
    if (c === 34) {
      const end = stringEnd(text, i);
      if (top?.keys !== undefined && top.expectKey) {
        const key = decodeKey(text.slice(i + 1, end));
        const first = top.keys.get(key);
        top.key = key;
        top.expectKey = false;
        if (first === undefined) top.keys.set(key, i);
        else if (duplicates.length < MAX_DUPLICATES) {
          duplicates.push({ file: shown, pointer: toPointer(here()), ...at(i), message: m().js_duplicateKey(key, at(first).line) });
        }
      }
      i = end;
    } else if (c === 123 || c === 91) {
      if (frames.length === MAX_JSON_DEPTH) {
        return { duplicates, tooDeep: { file: shown, pointer: toPointer(here()), ...at(i), message: m().js_tooDeep(MAX_JSON_DEPTH) } };
      }
      frames.push({ keys: c === 123 ? new Map() : undefined, expectKey: c === 123, key: '', index: 0 });
    } else if (c === 125 || c === 93) {
      frames.pop();
    } else if (c === 44 && top !== undefined) {
      if (top.keys) top.expectKey = true;
      else top.index++;
    }
  }
  return { duplicates };
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
  invalid_type: (i) => m().js_wrongType(m().js_expected(String((i as z.core.$ZodIssueInvalidType).expected))),
  unrecognized_keys: (i) => m().js_unknownKey((i as z.core.$ZodIssueUnrecognizedKeys).keys),
  invalid_value: (i) => m().js_invalidValue((i as z.core.$ZodIssueInvalidValue).values.map((v) => JSON.stringify(v))),
  too_small: (i) => {
    const t = i as z.core.$ZodIssueTooSmall;
    if (t.origin === 'array') return m().js_minElements(String(t.minimum));
    if (t.origin === 'string') return m().ni_empty;
    return m().js_tooSmall(String(t.minimum));
  },
  too_big: (i) => {
    const t = i as z.core.$ZodIssueTooBig;
    if (t.origin === 'array') return m().js_maxElements(String(t.maximum));
    if (t.origin === 'string') return m().js_maxCharacters(String(t.maximum));
    return m().js_tooBig(String(t.maximum));
  },
  invalid_format: (i) => (i.message && !i.message.startsWith('Invalid') ? i.message : m().js_invalidFormat(String((i as z.core.$ZodIssueInvalidStringFormat).format))),
  invalid_union: () => m().js_invalidUnion,
  invalid_key: () => m().js_invalidKey,
  invalid_element: () => m().js_invalidElement,
  not_multiple_of: () => m().js_invalidNumber,
};

function issueMessage(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type' && (issue as z.core.$ZodIssueInvalidType).input === undefined) return m().ni_missing;
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
      ? [{ file: shown, pointer: toPointer([...path, key]), message: m().js_keyNotAllowed(key) }]
      : unsafeKeyProblems((value as Record<string, unknown>)[key], shown, [...path, key]),
  );
}

/** Parses and validates JSON text against a zod schema; throws InvalidInputError naming the place. */
export function parseJsonText<T>(text: string, shown: string, schema: z.ZodType<T>, fast?: (raw: unknown) => raw is T): T {
  const raw = parseJson(text, shown);
  const unsafe = mayHaveUnsafeKeys(text) ? unsafeKeyProblems(raw, shown) : [];
  if (unsafe.length > 0) throw new InvalidInputError(locate(text, unsafe));
  // A check that accepts only what the schema accepts spares the schema run for the common case.
  if (fast?.(raw)) return raw;
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
