import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { readJson, removeDir, run, tempDir } from './helpers.js';
import { writeMiniCatalog } from './fixtures/mini-catalog.js';
import { KEY, Terminal } from './pty.js';

/** Two reviewers in two real terminals on the same service (issue 9, item 3). */

let ws: string;
type Stored = { answers: Record<string, { value: unknown; comment?: string; by: string }>; history: { question: string; value: unknown; by: string }[] };
const stored = () => readJson<Stored>(join(ws, 'answers', '2025', 'webb.json'));

beforeEach(async () => {
  ws = tempDir();
  writeMiniCatalog(ws);
  const cli = (...args: string[]) => run(['--dir', ws, ...args]);
  await cli('init', '--name', 'Testkommunen');
  await cli('service', 'add', 'webb', '--name', 'Webbportalen', '--personal-data', '--classification', 'K2R2T2S2');
  await cli('answer', '--year', '2024', '--service', 'webb', 'ACC.1=ja', 'ACC.2=ja', '--comment', 'Avtal finns');
});
afterEach(() => removeDir(ws));

async function bothOnFirstQuestion(): Promise<[Terminal, Terminal]> {
  const a = new Terminal(['assess', '--year', '2025', '--service', 'webb', '--control', 'ACC', '--reviewer', 'anna'], ws);
  const b = new Terminal(['assess', '--year', '2025', '--service', 'webb', '--control', 'ACC', '--reviewer', 'bertil'], ws);
  await a.expect('ACC.1 Fråga ACC.1?');
  await b.expect('ACC.1 Fråga ACC.1?');
  // A answers Nej with a comment while B's screen, drawn before, still offers last year's Ja.
  await a.type('n', KEY.enter);
  await a.expect('Kommentar (valfri):');
  await a.type(...'Avtalet har löpt ut', KEY.enter);
  await a.expect('Underlag');
  await a.type(KEY.enter);
  await a.expect('ACC.2 Fråga ACC.2?');
  return [a, b];
}

describe('a stale screen never overwrites a colleague', () => {
  it("B's Enter on last year's Ja shows A's newer answer and keeps it by default", async () => {
    const [a, b] = await bothOnFirstQuestion();
    b.write(KEY.enter);
    await b.expect('ACC.1: någon annan hann före medan du svarade.');
    await b.expect("anna, ");
    await b.expect("svarade Nej — 'Avtalet har löpt ut'");
    await b.expect('Ditt svar: Ja');
    await b.expect('Behåll deras svar');
    b.write(KEY.enter);
    await b.expect('ACC.2 Fråga ACC.2?');
    expect(stored().answers['ACC.1']).toMatchObject({ value: 'nej', comment: 'Avtalet har löpt ut', by: 'anna' });
    a.write(KEY.ctrlC);
    b.write(KEY.ctrlC);
    expect(await a.exited).toBe(130);
    expect(await b.exited).toBe(130);
    expect(stored().answers['ACC.1']?.by).toBe('anna');
  });

  it('B may overwrite on purpose: A\'s answer goes to the history', async () => {
    const [a, b] = await bothOnFirstQuestion();
    b.write(KEY.enter);
    await b.expect('Vad vill du göra?');
    await b.type(KEY.down, KEY.enter);
    await b.expect('ACC.2 Fråga ACC.2?');
    expect(stored().answers['ACC.1']).toMatchObject({ value: 'ja', by: 'bertil' });
    expect(stored().history).toEqual([expect.objectContaining({ question: 'ACC.1', value: 'nej', by: 'anna' })]);
    a.write(KEY.ctrlC);
    b.write(KEY.ctrlC);
    await Promise.all([a.exited, b.exited]);
  });

  it('B may answer again, now seeing A\'s answer as this year\'s', async () => {
    const [a, b] = await bothOnFirstQuestion();
    b.write(KEY.enter);
    await b.expect('Vad vill du göra?');
    await b.type(KEY.down, KEY.down, KEY.enter);
    await b.expect("I år: Nej — 'Avtalet har löpt ut' (anna,");
    await b.expect('ACC.1 Fråga ACC.1?');
    a.write(KEY.ctrlC);
    b.write(KEY.ctrlC);
    await Promise.all([a.exited, b.exited]);
  });
});

describe('a question shown as saved is saved', () => {
  it('Enter followed at once by Ctrl-C keeps the answer, and the exit message tells the truth', async () => {
    const t = new Terminal(['assess', '--year', '2025', '--service', 'webb', '--control', 'ACC', '--reviewer', 'snabb'], ws);
    await t.expect('ACC.1 Fråga ACC.1?');
    t.write(KEY.enter + KEY.ctrlC);
    const code = await Promise.race([t.exited, t.expect('ACC.2 Fråga ACC.2?').then(() => 'next' as const)]);
    if (code === 'next') {
      t.write(KEY.ctrlC);
      expect(await t.exited).toBe(130);
    } else {
      expect(code).toBe(130);
    }
    expect(t.screen).toMatch(/Avbrutet\. 1 svar sparades under passet/);
    expect(stored().answers['ACC.1']).toMatchObject({ value: 'ja', comment: 'Avtal finns', by: 'snabb' });
  });
});
