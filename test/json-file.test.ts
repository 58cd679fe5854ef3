import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { InvalidInputError, type Problem } from '../src/errors.js';
import { MAX_JSON_DEPTH, loadJsonFile, parseJson } from '../src/io/json-file.js';
import { AnswerFile, ServiceId } from '../src/store/schema.js';
import { ROOT, removeDir, tempDir } from './helpers.js';

function problemsOf(text: string): Problem[] {
  try {
    parseJson(text, 'f.json');
  } catch (err) {
    if (err instanceof InvalidInputError) return err.problems;
    throw err;
  }
  return [];
}

const nested = (depth: number, open = '[', close = ']', middle = '') => open.repeat(depth) + middle + close.repeat(depth);

describe('parseJson', () => {
  it('accepts every file of the example workspace, as JSON.parse reads it', () => {
    for (const dir of ['2024', '2025', 'plan']) {
      for (const name of readdirSync(join(ROOT, 'answers', dir))) {
        const text = readFileSync(join(ROOT, 'answers', dir, name), 'utf8');
        expect(parseJson(text, name)).toEqual(JSON.parse(text));
        // The same document written by hand (not in efterlev's canonical form) takes the careful path.
        const compact = JSON.stringify(JSON.parse(text));
        expect(parseJson(compact, name)).toEqual(JSON.parse(text));
      }
    }
  });

  it.each([
    ['escaped quotes and colons in strings', '{"a": "\\" :", "b\\":": "x\\\\", "c": ":\\"\\":"}'],
    ['the same key in different objects', '{"a": {"x": 1}, "b": {"x": 2}, "c": [{"x": 1}, {"x": 2}]}'],
    ['whitespace before colons', '{ "a" :1 ,\r\n\t"b"\n:\n2 }'],
    ['nesting at the limit', nested(MAX_JSON_DEPTH)],
    ['an empty key', '{"": 1, " ": 2}'],
  ])('accepts %s', (_name, text) => {
    expect(parseJson(text, 'f.json')).toEqual(JSON.parse(text));
  });

  it.each([
    ['{\n  "services": [1],\n  "services": []\n}', { pointer: '/services', line: 3, column: 3, message: "nyckeln 'services' finns redan på rad 2" }],
    ['{"a":{"b":1,"c":[{"d":1},{"d":2,"e":0,"d":3}]}}', { pointer: '/a/c/1/d', line: 1, column: 39, message: "nyckeln 'd' finns redan på rad 1" }],
    ['{"a": 1, "\\u0061": 2}', { pointer: '/a', line: 1, column: 10, message: "nyckeln 'a' finns redan på rad 1" }],
    ['{"x/y~z": 1, "x/y~z": 2}', { pointer: '/x~1y~0z', line: 1, column: 14, message: "nyckeln 'x/y~z' finns redan på rad 1" }],
    ['{"a" :1,"a":2,"x":3}', { pointer: '/a', line: 1, column: 9, message: "nyckeln 'a' finns redan på rad 1" }],
  ])('refuses a duplicate key in %j with its pointer and line', (text, problem) => {
    expect(problemsOf(text)).toEqual([{ file: 'f.json', ...problem }]);
  });

  it('names every duplicate key in a file', () => {
    expect(problemsOf('{"a":1,"a":2,"b":{"c":1,"c":2}}').map((p) => p.pointer)).toEqual(['/a', '/b/c']);
  });

  it.each([
    ['arrays one level too deep', nested(MAX_JSON_DEPTH + 1), '/0'.repeat(MAX_JSON_DEPTH), MAX_JSON_DEPTH + 1],
    ['100 000 arrays', nested(100_000), '/0'.repeat(MAX_JSON_DEPTH), MAX_JSON_DEPTH + 1],
    ['100 000 arrays never closed', '['.repeat(100_000), '/0'.repeat(MAX_JSON_DEPTH), MAX_JSON_DEPTH + 1],
    ['100 000 objects', nested(100_000, '{"k":', '}', 'null'), '/k'.repeat(MAX_JSON_DEPTH), MAX_JSON_DEPTH * 5 + 1],
    ['100 000 objects never closed, after a broken start', '{"x": [1,}' + '{"k":'.repeat(100_000), undefined, undefined],
    ['deep inside a wide document', `{"a": [1, 2, {"b": ${nested(MAX_JSON_DEPTH)}}]}`, '/a/2/b' + '/0'.repeat(MAX_JSON_DEPTH - 3), '{"a": [1, 2, {"b": '.length + MAX_JSON_DEPTH - 2],
  ])('refuses %s with the place, without overflowing the stack', (_name, text, pointer, column) => {
    const problems = problemsOf(text);
    expect(problems).toHaveLength(1);
    if (pointer === undefined) {
      expect(problems[0]!.message).toMatch(/ogiltig JSON|för djupt nästlad/);
      return;
    }
    expect(problems[0]).toEqual({ file: 'f.json', pointer, line: 1, column, message: `för djupt nästlad, mer än ${MAX_JSON_DEPTH} nivåer` });
  });

  it('refuses deep nesting before the unsafe-key walk and the schema see it', () => {
    const dir = tempDir();
    try {
      const path = join(dir, 'x.json');
      writeFileSync(path, `{"__proto__": ${nested(100_000)}}`);
      expect(() => loadJsonFile(path, 'x.json', AnswerFile)).toThrow(InvalidInputError);
      writeFileSync(path, `{"service": ${nested(100_000, '{"service":', '}', '1')}}`);
      expect(() => loadJsonFile(path, 'x.json', AnswerFile)).toThrow(/för djupt nästlad/);
    } finally {
      removeDir(dir);
    }
  });
});

describe('service ids', () => {
  it.each(['con', 'prn', 'aux', 'nul', 'com1', 'com9', 'lpt1', 'lpt9', 'com0', 'lpt0'])('refuses the Windows device name %s', (id) => {
    const parsed = ServiceId.safeParse(id);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toBe(`'${id}' är ett reserverat namn i Windows och kan inte bli ett filnamn`);
  });

  it.each(['console', 'com10', 'lpt', 'aux-1', 'nul2x', 'con-tjanst', 'prn1'])('accepts %s', (id) => {
    expect(ServiceId.safeParse(id).success).toBe(true);
  });
});
