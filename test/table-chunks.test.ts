import Table from 'cli-table3';
import chalk from 'chalk';
import { describe, expect, it } from 'vitest';
import { cellExtent, drawTableParts, TABLE_CHUNK, visibleWidth } from '../src/ui/layout.js';
import stringWidth from 'string-width';

const CHARS = { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' };

/** The table as cli-table3 draws it in one piece. */
function whole(head: string[], rows: string[][], colWidths: number[]): string {
  const table = new Table({ head, style: { head: [], border: [] }, chars: CHARS, colWidths });
  for (const r of rows) table.push(r);
  return table.toString();
}

function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('a long table drawn in pieces', () => {
  it('is the table drawn whole, character for character', () => {
    const level = chalk.level;
    chalk.level = 1;
    try {
      const rnd = seeded(15);
      // Colour within a line, colour that chalk closes and opens again at a line break, colour
      // left open across a line break (cli-table3 carries it to the next line), and a coloured
      // word wider than its column (cli-table3 truncates it).
      const words = ['Tjänst', 'åtgärd', 'P1', chalk.red('Avvikelse'), chalk.bold('KP4.2'), chalk.dim('grå\nrad'), '\x1b[1mfet\nännu fet\x1b[22m', '\x1b[31mröd', chalk.bold('x'.repeat(40)), '–', '75,0', 'ö', 'Loggning', '↑ +2,5', 'enligt plan → stor', '', '  '];
      const plain = words.filter((w) => !w.includes('\x1b'));
      const cell = () =>
        rnd() < 0.5
          ? Array.from({ length: 1 + Math.floor(rnd() * 3) }, () => plain[Math.floor(rnd() * plain.length)]!).join(' ')
          : Array.from({ length: 1 + Math.floor(rnd() * 3) }, () => words[Math.floor(rnd() * words.length)]!).join(rnd() < 0.3 ? '\n' : ' ');
      for (const n of [0, 1, TABLE_CHUNK - 1, TABLE_CHUNK, TABLE_CHUNK + 1, 2 * TABLE_CHUNK, 3 * TABLE_CHUNK + 7]) {
        const rows = Array.from({ length: n }, () => [cell(), cell(), cell()]);
        const head = [chalk.bold('Tjänst'), 'Poäng', 'Status'];
        const widths = [30, 30, 30];
        expect([...drawTableParts(head, rows, widths)].join('\n')).toBe(whole(head, rows, widths));
      }
    } finally {
      chalk.level = level;
    }
  });
});

describe('visibleWidth', () => {
  it('counts as string-width does, NFC or not', () => {
    for (const s of ['', 'abc', 'Åtgärd för ö', 'A\u030angström', chalk.red('röd'), `${chalk.bold('Åtgärd')} ${chalk.dim('→ 3')}`, '\x1b[1;31mx\x1b[0m', chalk.red('漢字'), '漢字', '→ ↑ ↓ · – §', 'e\u0301']) {
      expect(visibleWidth(s)).toBe(stringWidth(s.normalize('NFC')));
    }
  });
});

describe('a cell measured in one pass', () => {
  it('has the widest line and longest word that splitting it into lines and words gives', () => {
    const rnd = seeded(7);
    // One-column characters, the separators among them, and what sends a cell the slow way:
    // a tab and other whitespace, wide and combining characters, colour codes.
    const pieces = ['a', 'Å', 'ö', '–', '→', '§', ' ', '\u00a0', '\n', '\n\n', '  ', '\t', '\u2003', '\u3000', '漢', 'e\u0301', '\x1b[31m', '\x1b[39m', '\x1b[1;4m', 'KP4.2', 'x'.repeat(30)];
    const slow = (cell: string) => ({
      line: Math.max(0, ...cell.split('\n').map(visibleWidth)),
      word: Math.max(0, ...cell.split(/\s+/).map(visibleWidth)),
    });
    for (let n = 0; n < 5000; n++) {
      const cell = Array.from({ length: Math.floor(rnd() * 12) }, () => pieces[Math.floor(rnd() * pieces.length)]!).join('');
      expect([cell, cellExtent(cell)]).toEqual([cell, slow(cell)]);
    }
  });
});

describe('the characters visibleWidth counts without string-width', () => {
  it('are each one column wide, unchanged by NFC', () => {
    const ranges: [number, number][] = [[0x20, 0x7e], [0xa0, 0xac], [0xae, 0x2ff], [0x2010, 0x2027], [0x2030, 0x205e], [0x2190, 0x22ff], [0x2500, 0x257f]];
    for (const [a, b] of ranges) {
      for (let c = a; c <= b; c++) {
        const ch = String.fromCodePoint(c);
        expect([c.toString(16), stringWidth(ch), ch.normalize('NFC')]).toEqual([c.toString(16), 1, ch]);
        expect(visibleWidth(`a${ch}b`)).toBe(3);
      }
    }
  });
});

describe('output in pieces', () => {
  it('prints what printing it whole prints', async () => {
    const { printParts, prettyJsonParts } = await import('../src/cli/context.js');
    const collect = async (parts: Iterable<string>) => {
      let out = '';
      await printParts({ print: (line) => (out += line.endsWith('\n') ? line : `${line}\n`), drain: async () => undefined }, parts);
      return out;
    };
    const big = Array.from({ length: 5000 }, (_, i) => `rad ${i} ${'x'.repeat(i % 50)}`);
    for (const parts of [[], [''], ['a'], ['a', '', 'b\n'], ['x\n', '\ny'], big, [...big, ''], [...big, 'slut\n']]) {
      expect(await collect(parts)).toBe(parts.join('\n').endsWith('\n') ? parts.join('\n') : `${parts.join('\n')}\n`);
    }
    const items = [{ id: 'a:b', effect: { control: 1.5, service: 0 }, note: null, explanation: [] }, { id: 'c', list: [1, [2, {}]], s: 'rad\nbrytning "citat"' }, {}];
    for (const n of [0, 1, 2, 3]) {
      const value = { year: 2025, actions: items.slice(0, n) };
      expect([...prettyJsonParts({ year: 2025 }, 'actions', items.slice(0, n))].join('\n')).toBe(JSON.stringify(value, null, 2));
    }
  });
});

describe('output to a slow reader', () => {
  it('waits for the reader: writes of about PRINT_BATCH, each after the one before has drained', async () => {
    const { printParts, PRINT_BATCH } = await import('../src/cli/context.js');
    const writes: number[] = [];
    let waiting = false;
    let drains = 0;
    const parts = Array.from({ length: 20_000 }, (_, i) => `åtgärd ${i}`);
    await printParts(
      {
        print: (line) => {
          expect(waiting).toBe(false); // never written to while the last write is still pending
          writes.push(line.length);
          waiting = true;
        },
        drain: async () => {
          drains++;
          await new Promise((r) => setImmediate(r));
          waiting = false;
        },
      },
      parts,
    );
    expect(writes.length).toBeGreaterThan(2);
    expect(Math.max(...writes)).toBeLessThan(PRINT_BATCH + 100);
    expect(drains).toBeGreaterThanOrEqual(writes.length - 1);
  });
});

describe('whether a table fits', () => {
  it('answers as laying out every row does, though it stops at the first row that makes it too wide', async () => {
    const { tableFit, grid } = await import('../src/ui/layout.js');
    const fc = (await import('fast-check')).default;
    const word = fc.constantFrom('Tjänst', 'åtgärd', 'P1', 'tjanst-0001:AVT-pubavtal-brist-aterkommande', '–', '75,0', 'Loggning', 'en mycket lång mening om ingenting', 'x');
    const cell = fc.array(word, { minLength: 0, maxLength: 4 }).map((ws) => ws.join(' '));
    // (A table has a column that is never dropped: with every column dropped there is nothing to draw.)
    const fit = fc.constantFrom<'text' | 'wrap' | 'keep' | 'drop' | undefined>('text', 'wrap', 'keep', 'drop', undefined);
    fc.assert(
      fc.property(fc.array(fc.tuple(cell, cell, cell), { maxLength: 30 }), fc.tuple(fit, fit, fit).filter((f) => f.some((x) => x !== 'drop')), fc.integer({ min: 10, max: 140 }), fc.integer({ min: 0, max: 30 }), (rows, fits3, width, min) => {
        const head = ['Prio', 'Åtgärd', 'Status'];
        const opts = { width, columns: fits3.map((f) => ({ fit: f, min })) };
        // grid draws a table (a top border) exactly when every row laid out fits; else it stacks the rows.
        const drawn = rows.length > 0 && grid(head, rows, opts).startsWith('┌');
        if (rows.length > 0) expect(tableFit(head, rows, opts) !== undefined).toBe(drawn);
      }),
      { numRuns: 2000 },
    );
  });
});
