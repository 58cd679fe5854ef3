import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import stringWidth from 'string-width';
import { copyExampleWorkspace, removeDir, ROOT, run } from './helpers.js';
import { KEY, Terminal } from './pty.js';

/**
 * Issue 13, the terminal: every command's output fits 80 and 100 columns, words are never split
 * across lines, and no id is cut.
 */

let ws: string;
// The season of the example organisation's 2025 review: `assess` without --year reviews 2025.
const env = { EFTERLEV_NOW: '2025-11-20T10:00:00.000Z' };
const cli = (width: number, ...args: string[]) => run(['--dir', ws, ...args], { env: { ...env, COLUMNS: String(width) } });

beforeAll(async () => {
  ws = copyExampleWorkspace();
  // Incidents with long titles and reporting chains, for `incident list` (the example has none).
  for (const args of [
    ['--service', 'visma-recruit', '--kind', 'pui', '--title', 'Cyberattack mot underleverantör med tredjelandsöverföring av personuppgifter', '--occurred', '2025-04-03', '--detected', '2025-04-07 09:10', '--imy-notified', '2025-04-10 15:00'],
    ['--service', 'ubw-agresso', '--kind', 'betydande', '--title', 'Citrix-skrivbordet startar inte efter uppdatering', '--occurred', '2025-02-14', '--detected', '2025-02-14 08:00'],
  ]) {
    const r = await run(['--dir', ws, 'incident', 'add', ...args], { env });
    expect(r.code, r.stderr).toBe(0);
  }
});
afterAll(() => removeDir(ws));

/** Lines as they show on screen: colour codes stripped, counted in columns (å ä ö one, wide characters two). */
const screenLines = (out: string): string[] => stripVTControlCharacters(out).split('\n');
const widest = (out: string): number => Math.max(...screenLines(out).map((l) => stringWidth(l)));
/** Runs of white space, line breaks included, as one space: what is wrapped at words reads the same. */
const collapse = (s: string): string => stripVTControlCharacters(s).replace(/\s+/g, ' ');

/** The tokens a wrap must keep whole: every space-separated word of at least `min` columns. */
const longWords = (texts: readonly string[], min = 12): string[] => [...new Set(texts.flatMap((t) => t.normalize('NFC').split(/\s+/)).filter((w) => stringWidth(w) >= min))];

const catalogue = ['dso', 'itsak'].map((c) => JSON.parse(readFileSync(join(ROOT, 'checklists', `${c}.json`), 'utf8')) as { controls: { id: string; name: { sv: string }; questions: { id: string; text: { sv: string } }[] }[] });
const questionText = new Map(catalogue.flatMap((c) => c.controls.flatMap((k) => k.questions.map((q) => [q.id, q.text.sv] as const))));

const COMMANDS: string[][] = [
  [],
  ['score'],
  ['score', '--year', '2025', '--service', 'telefoni'],
  ['score', '--service', 'organisation'],
  ['actions'],
  ['actions', '--explain'],
  ['actions', '--year', '2024', '--explain'],
  ['compare', '2024', '2025'],
  ['compare', '2024', '2025', '--details'],
  ['compare', '--trend'],
  ['service', 'list'],
  ['service', 'show', 'digitala-navet'],
  ['show', '--service', 'telefoni'],
  ['show', '--service', 'office365', '--history'],
  ['show', '--service', 'organisation', '--history'],
  ['incident', 'list'],
  ['incident', 'show', '2025-001'],
  ['observation', 'list'],
];

describe.each([80, 100])('at %i columns', (width) => {
  it.each(COMMANDS.map((c) => [c.join(' ') || '(översikten)', c] as const))('%s fits the width', async (_name, args) => {
    const r = await cli(width, ...args);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.trim()).not.toBe('');
    const over = screenLines(r.stdout).filter((l) => stringWidth(l) > width);
    expect(over, `lines wider than ${width}`).toEqual([]);
  });

  it('keeps colour codes out of the count: coloured output fits as well', async () => {
    for (const args of [[], ['actions', '--explain'], ['score']]) {
      const r = await run(['--dir', ws, ...args], { env: { ...env, COLUMNS: String(width), NO_COLOR: undefined, FORCE_COLOR: '1' } });
      expect(r.stdout).toContain('\x1b[');
      expect(widest(r.stdout), args.join(' ')).toBeLessThanOrEqual(width);
    }
  });

  it('never splits a word of the catalogue or of an answer across lines', async () => {
    // The handlingsplan: every long word of every finding and action, and every id, whole.
    const json = JSON.parse((await cli(width, 'actions', '--json')).stdout) as { actions: { id: string; finding: string; action: string; reference: string }[] };
    const plan = (await cli(width, 'actions', '--explain')).stdout;
    expect(json.actions.length).toBeGreaterThan(10);
    for (const word of longWords(json.actions.flatMap((a) => [a.finding, a.action]))) expect(plan, word).toContain(word);
    for (const a of json.actions) expect(plan, a.id).toContain(a.id);

    // The stored answers: question texts, comments, evidence.
    for (const service of ['telefoni', 'office365', 'visma-recruit']) {
      const shown = JSON.parse((await cli(width, 'show', '--service', service, '--json')).stdout) as { answers: Record<string, { comment?: string; evidence?: string }> };
      const out = (await cli(width, 'show', '--service', service)).stdout;
      const texts = Object.entries(shown.answers).flatMap(([q, a]) => [questionText.get(q) ?? '', a.comment ?? '', a.evidence ?? '']);
      for (const word of longWords(texts, 10)) expect(out, `${service}: ${word}`).toContain(word);
    }

    // A few long words, named.
    expect((await cli(width, 'show', '--service', 'office365')).stdout).toContain('tredjelandsöverföring');
    expect((await cli(width, 'show', '--service', 'telefoni')).stdout).toContain('personuppgiftsbiträdesavtal');
    expect((await cli(width, 'incident', 'list')).stdout).toContain('tredjelandsöverföring');
    const overview = (await cli(width)).stdout;
    for (const word of ['Dataskyddsombudets', 'kontrollområden', 'Konsekvensbedömning/samråd']) expect(overview).toContain(word);
  });

  it('cuts no text: what a table used to shorten with … is there in full', async () => {
    const overview = await cli(width);
    expect(stripVTControlCharacters(overview.stdout)).not.toContain('…');
    for (const word of ['överenskommelser', '(folkbokföringsuppgifter)', 'rättigheter', '(rekrytering)']) expect(overview.stdout).toContain(word);
    const show = await cli(width, 'show', '--service', 'telefoni');
    expect(stripVTControlCharacters(show.stdout)).not.toContain('…');
    const services = await cli(width, 'service', 'list');
    expect(collapse(services.stdout)).toContain('Microsoft Ireland Operations Ltd');
  });
});

describe('in a wide terminal (250 columns)', () => {
  it('draws the handlingsplan as one table that fits, plain and in colour, every id and long word whole', async () => {
    const json = JSON.parse((await cli(250, 'actions', '--json')).stdout) as { actions: { id: string; finding: string; action: string; effect: { control: number } }[] };
    for (const colour of [{ NO_COLOR: '1' }, { NO_COLOR: undefined, FORCE_COLOR: '1' }]) {
      const r = await run(['--dir', ws, 'actions'], { env: { ...env, COLUMNS: '250', ...colour } });
      expect(r.code, r.stderr).toBe(0);
      // Every line of the table as wide as every other: the widths it was measured for are the ones it was drawn with.
      const table = screenLines(r.stdout).filter((l) => /^[│┌└]/.test(l));
      expect(table.length).toBeGreaterThan(json.actions.length);
      expect(new Set(table.map((l) => stringWidth(l))).size).toBe(1);
      // Each column as wide as its widest line: no heading and no score split over two lines.
      expect(table[1]).toMatch(/^│ Prio +│ Åtgärd +│ Ansvarig, klart senast +│ Status +│ Effekt +│$/);
      const points = (n: number) => `${n > 0 ? '+' : ''}${n.toFixed(1).replace('.', ',')}`;
      for (const a of json.actions) expect(table.some((l) => l.includes(` ${points(a.effect.control)} `)), a.id).toBe(true);
      expect(widest(r.stdout)).toBeLessThanOrEqual(250);
      const plan = stripVTControlCharacters(r.stdout);
      expect(plan).not.toContain('…');
      for (const a of json.actions) expect(plan, a.id).toContain(a.id);
      for (const word of longWords(json.actions.flatMap((a) => [a.finding, a.action]))) expect(plan, word).toContain(word);
    }
    for (const args of [[], ['score'], ['compare', '--details'], ['actions', '--explain', '--top', '2']]) {
      const r = await cli(250, ...args);
      expect(r.code, r.stderr).toBe(0);
      expect(widest(r.stdout), args.join(' ')).toBeLessThanOrEqual(250);
    }
  });
});

describe('ids are never truncated', () => {
  it.each([80, 100, 160])('in actions, the overview and compare at %i columns', async (width) => {
    const ids = (JSON.parse((await cli(width, 'actions', '--json')).stdout) as { actions: { id: string }[] }).actions.map((a) => a.id);
    const longest = ids.reduce((a, b) => (b.length > a.length ? b : a));
    expect(longest.length).toBeGreaterThan(50);
    const actions = (await cli(width, 'actions')).stdout;
    for (const id of ids) expect(actions).toContain(id);
    const top = (JSON.parse((await cli(width, '--json')).stdout) as { topActions: { id: string }[] }).topActions.map((a) => a.id);
    const overview = (await cli(width)).stdout;
    for (const id of top) expect(overview).toContain(id);
    const compare = JSON.parse((await cli(width, 'compare', '2024', '2025', '--json')).stdout) as { newGaps: string[]; resolvedGaps: string[]; persistentGaps: string[] };
    const listed = (await cli(width, 'compare', '2024', '2025')).stdout;
    for (const id of [...compare.newGaps, ...compare.resolvedGaps, ...compare.persistentGaps]) expect(listed).toContain(id);
  });
});

describe('the width', () => {
  it('is COLUMNS when set, and 100 when output is not a terminal', async () => {
    const plain = await run(['--dir', ws, 'service', 'list'], { env: { ...env, COLUMNS: undefined } });
    expect(widest(plain.stdout)).toBeLessThanOrEqual(100);
    const wide = await cli(200, 'service', 'list');
    // 200 columns take the register as a table; 100 do not.
    expect(wide.stdout).toContain('│ Microsoft Ireland Operations Ltd');
    expect(plain.stdout).not.toContain('│');
    expect(widest(wide.stdout)).toBeGreaterThan(100);
  });

  it('stacks a table that cannot fit into blocks of "Rubrik: värde"', async () => {
    const r = await cli(80, 'service', 'list');
    expect(r.stdout).toMatch(/^Id: digitala-navet$/m);
    expect(r.stdout).toMatch(/^ {2}Namn: Digitala navet \(folkbokföringsuppgifter\)/m);
    expect(r.stdout).toContain('Klassning: K4R3T3S3');
  });
});

describe('efterlev assess at 80 columns', () => {
  it('wraps the header, last year\'s answer, the question and the summary to the terminal, words whole', async () => {
    const dir = copyExampleWorkspace();
    try {
      // DRI.4 (last year: 4, with a long comment) left to answer for telefoni.
      const path = join(dir, 'answers', '2025', 'telefoni.json');
      const file = JSON.parse(readFileSync(path, 'utf8')) as { answers: Record<string, unknown> };
      delete file.answers['DRI.4'];
      writeFileSync(path, JSON.stringify(file, null, 2) + '\n');
      // Without the incident register the count is asked, not taken from the register.
      for (const year of ['2024', '2025']) rmSync(join(dir, 'answers', 'incidents', `${year}.json`));

      const t = new Terminal(['assess', '--service', 'telefoni', '--control', 'DRI', '--reviewer', 'pty'], dir, env, { cols: 80 });
      await t.expect('(år 2025, innevarande år; ett annat med --year)');
      await t.expect('Förra året: 4');
      await t.expect('Fyra major incidents');
      await t.expect('DRI.4 Antal allvarliga incidenter');
      await t.type(...'<', KEY.enter); // a resumed session goes back to the question before
      await t.expect('DRI.3');
      t.write(KEY.enter);
      await t.expect('DRI.4 Antal allvarliga incidenter');
      await t.type(...'1', KEY.enter);
      await t.expect('Kommentar (valfri):');
      await t.type(KEY.enter);
      await t.expect('Underlag');
      await t.type(KEY.enter);
      // The rest of DRI (catalogue 2026.1: DRI.5–DRI.10), each kept with Enter.
      for (const id of ['DRI.5', 'DRI.6', 'DRI.7', 'DRI.8', 'DRI.9', 'DRI.10']) {
        await t.expect(`${id} `);
        t.write(KEY.enter);
      }
      await t.expect('Telefoni och växel (telefoni) · IT-säkerhetens kontrollområden 2025:');
      await t.expect('Visar bara kontrollen DRI');
      expect(await t.exited).toBe(0);

      const screen = stripVTControlCharacters(t.screen).replace(/\r/g, '');
      // What efterlev prints itself, before the prompts: one line each within 80 columns.
      const printed = screen.split('\n').filter((l) => /^(Förra året|I år|Fråga \d|Telefoni och växel \(telefoni\) ·|DRI )/.test(l));
      expect(printed.length).toBeGreaterThan(6);
      for (const line of printed) expect(stringWidth(line), line).toBeLessThanOrEqual(80);
      // The summary after the last prompt: every line within 80 columns.
      const summary = screen.slice(screen.lastIndexOf('Telefoni och växel (telefoni) · IT-säkerhetens'));
      const over = summary.split('\n').filter((l) => stringWidth(l) > 80);
      expect(over).toEqual([]);
      // Long words of last year's comment, the question and the summary's actions are whole.
      const previous = JSON.parse(readFileSync(join(dir, 'answers', '2024', 'telefoni.json'), 'utf8')) as { answers: Record<string, { comment?: string }> };
      for (const word of longWords([previous.answers['DRI.4']!.comment!, questionText.get('DRI.4')!, questionText.get('DRI.3')!], 10)) expect(screen, word).toContain(word);
    } finally {
      removeDir(dir);
    }
  }, 60_000);
});
