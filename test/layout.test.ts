import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import chalk from 'chalk';
import { stripVTControlCharacters } from 'node:util';
import stringWidth from 'string-width';
import { grid, pack, terminalWidth, wrap } from '../src/ui/layout.js';

const lines = (s: string) => stripVTControlCharacters(s).split('\n');
const widest = (s: string) => Math.max(...lines(s).map((l) => stringWidth(l)));
const words = (s: string) => stripVTControlCharacters(s).split(/[\s│┌┐└┘├┤┬┴┼─]+/).filter(Boolean);

// Swedish-looking words, some long, some with å ä ö (also decomposed, as pasted from macOS).
const word = fc.oneof(
  fc.constantFrom('och', 'är', 'tjänsten', 'personuppgiftsbiträdesavtal', 'tredjelandsöverföring', 'Behörighetsgranskning', 'KP3', 'ubw-agresso:KON-kontinuitet-delvis-testad', 'å', 'öv\u0308er'),
  fc.stringMatching(/^[a-zåäö]{1,18}$/),
);
const text = fc.array(word, { minLength: 1, maxLength: 40 }).map((w) => w.join(' '));

describe('wrap', () => {
  it('fits every line to the width and keeps every word whole when each word fits', () => {
    fc.assert(
      fc.property(text, fc.integer({ min: 50, max: 120 }), fc.constantFrom('', '  ', '    '), (t, width, indent) => {
        const out = wrap(`${indent}${t}`, width, { hanging: `${indent}  ` });
        expect(widest(out)).toBeLessThanOrEqual(width);
        expect(words(out)).toEqual(words(t.normalize('NFC')));
      }),
    );
  });

  it('keeps colour codes out of the count', () => {
    const t = `${chalk.red('Avvikelse – stor')} ${'personuppgiftsbiträdesavtal '.repeat(6)}`;
    const out = wrap(t, 40);
    expect(widest(out)).toBeLessThanOrEqual(40);
    expect(words(out)).toEqual(words(t));
  });

  it('splits a word only when it is wider than the line', () => {
    const out = wrap('a '.repeat(3) + 'x'.repeat(30), 20);
    expect(widest(out)).toBeLessThanOrEqual(20);
    expect(lines(out)[0]!.startsWith('a a a')).toBe(true);
  });
});

describe('grid', () => {
  const cell = fc.array(word, { minLength: 0, maxLength: 8 }).map((w) => w.join(' '));
  it('never exceeds the width, as a table or stacked, and loses no word', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 6 }), fc.integer({ min: 1, max: 6 }), fc.integer({ min: 50, max: 140 }), fc.gen(), (cols, n, width, gen) => {
        const head = Array.from({ length: cols }, (_, j) => `Kolumn${j}`);
        const rows = Array.from({ length: n }, () => head.map(() => gen(() => cell)));
        const out = grid(head, rows, { width, columns: [{ fit: 'text', min: 10 }] });
        expect(widest(out)).toBeLessThanOrEqual(width);
        for (const r of rows) for (const c of r) for (const w of words(c.normalize('NFC'))) expect(stripVTControlCharacters(out)).toContain(w);
      }),
      { numRuns: 150 },
    );
  });

  it('is a table when it fits, blocks of "Rubrik: värde" when it does not', () => {
    const head = ['Kontroll', 'Poäng', 'Status'];
    const rows = [['KP3 Biträdesavtal och andra överenskommelser', '74,5', 'Avvikelse – mellan/liten']];
    expect(grid(head, rows, { width: 100 })).toContain('│ KP3 Biträdesavtal och andra överenskommelser │ 74,5  │');
    const narrow = stripVTControlCharacters(grid(head, rows, { width: 30 }));
    expect(narrow).toBe('Kontroll: KP3 Biträdesavtal\n          och andra\n          överenskommelser\n  Poäng: 74,5\n  Status: Avvikelse –\n    mellan/liten');
  });
});

describe('pack', () => {
  it('joins pieces with · and never splits a piece that fits a line', () => {
    const out = pack(['Poäng: 92,8', 'Status: Avvikelse – mellan/liten', 'Granskning: klar', 'Brister: 4'], 40, '  ');
    expect(lines(out)).toEqual(['  Poäng: 92,8', '  Status: Avvikelse – mellan/liten', '  Granskning: klar · Brister: 4']);
  });
});

describe('terminalWidth', () => {
  it('is COLUMNS when set, the terminal when stdout is one, else 100', () => {
    expect(terminalWidth({ COLUMNS: '80' }, { isTTY: true, columns: 132 })).toBe(80);
    expect(terminalWidth({}, { isTTY: true, columns: 132 })).toBe(132);
    expect(terminalWidth({}, { isTTY: false })).toBe(100);
    expect(terminalWidth({ COLUMNS: 'bred' }, { isTTY: false })).toBe(100);
    expect(terminalWidth({ COLUMNS: '0' }, { isTTY: true, columns: 90 })).toBe(90);
  });
});
