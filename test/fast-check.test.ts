import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { AnswerFile } from '../src/store/schema.js';
import { isPlainAnswerFile } from '../src/store/fast-check.js';

/** The fast answer-file check may only accept what the zod schema accepts, and should accept what efterlev writes. */

const text = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom('', 'Ja, se dnr 2025-14', 'rad ett\nrad två', 'ctrl\u001b[31m', 'bel\u0007', 'bidi\u202e', 'å ä ö', 'x'.repeat(5001), 'y'.repeat(1001), '\u0085'),
);
const moment = fc.oneof(
  fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((d) => d.toISOString()),
  fc.constantFrom('2025-02-29T10:00:00Z', '2024-02-29T10:00:00+01:00', '2025-13-01T00:00:00Z', '2025-04-31T00:00:00Z', '2025-10-01T10:00Z', '2025-10-01 10:00:00Z', '2025-10-01T24:00:00Z', '2025-10-01T10:00:00', '2025-10-01T10:00:00.123456789+02:00', 'nu'),
);
const value = fc.oneof(fc.constantFrom('ja', 'nej', 'delvis', 'ej_tillamplig', '2025-03-01'), fc.integer(), fc.double(), text, fc.constant(null), fc.boolean());
const answer = fc.record(
  { value, comment: text, evidence: text, by: fc.oneof(fc.constantFrom('anna', ''), text), at: moment, extra: fc.constant('x') },
  { requiredKeys: [] },
);
/** A file as efterlev writes it, with zero to three fields replaced by arbitrary (mostly wrong) ones. */
const valid = {
  service: 'webb',
  year: 2025,
  catalog: { itsak: '2026.1' },
  answers: { 'LOG.1': { value: 'ja', comment: 'Granskas', evidence: 'PM', by: 'anna', at: '2025-10-01T10:00:00.000Z' }, 'DRI.4': { value: 3, by: 'anna', at: '2025-10-01T10:00:00.000Z' } },
  history: [{ question: 'LOG.1', value: 'nej', by: 'bo', at: '2024-10-01T10:00:00.000Z' }],
};
const mutation = fc.oneof(
  fc.record({ path: fc.constantFrom(['service'], ['year'], ['catalog'], ['answers'], ['history'], ['extra']), to: fc.oneof(value, text, fc.constant({}), fc.constant([])) }),
  fc.record({ path: fc.constantFrom(['answers', 'LOG.1'], ['answers', 'DRI.4'], ['history', '0']), to: answer }),
  fc.record({
    path: fc.constantFrom(['answers', 'LOG.1', 'value'], ['answers', 'LOG.1', 'comment'], ['answers', 'LOG.1', 'evidence'], ['answers', 'LOG.1', 'by'], ['answers', 'LOG.1', 'at'], ['history', '0', 'question'], ['answers', 'LOG.1', 'extra'], ['catalog', 'itsak']),
    to: fc.oneof(value, text, moment),
  }),
);
const file = fc.array(mutation, { maxLength: 3 }).map((ms) => {
  const f = JSON.parse(JSON.stringify(valid)) as Record<string, unknown>;
  for (const { path, to } of ms) {
    let at: Record<string, unknown> = f;
    for (const p of path.slice(0, -1)) {
      if (at[p] === null || typeof at[p] !== 'object') at[p] = {};
      at = at[p] as Record<string, unknown>;
    }
    at[path.at(-1)!] = to;
  }
  return f;
});

describe('the fast answer-file check', () => {
  it('accepts only what the zod schema accepts', () => {
    let accepted = 0;
    fc.assert(
      fc.property(file, (f) => {
        const raw = JSON.parse(JSON.stringify(f)) as unknown;
        if (isPlainAnswerFile(raw)) {
          accepted++;
          expect(AnswerFile.safeParse(raw).success).toBe(true);
        }
      }),
      { numRuns: 20000, seed: 20261201 },
    );
    expect(accepted).toBeGreaterThan(50);
  });

  it('accepts the files efterlev writes', () => {
    const written = { service: 'webb', year: 2025, catalog: { itsak: '2026.1' }, answers: { 'LOG.1': { value: 'ja', comment: 'Granskas månadsvis', evidence: 'Logg-PM', by: 'anna', at: '2025-10-01T10:00:00.000Z' }, 'DRI.4': { value: 3, by: 'anna', at: '2025-10-01T10:00:00.000Z' } }, history: [{ question: 'LOG.1', value: 'nej', by: 'bo', at: '2024-10-01T10:00:00.000Z' }] };
    expect(isPlainAnswerFile(written)).toBe(true);
  });
});
