import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { devNull } from 'node:os';
import { join } from 'node:path';
import { en } from '../src/ui/messages/en.js';
import { sv, type Messages } from '../src/ui/messages/sv.js';
import { copyExampleWorkspace, readJson, removeDir, run, snapshot, tempDir } from './helpers.js';
import { writeMiniCatalog } from './fixtures/mini-catalog.js';
import { KEY, Terminal } from './pty.js';

/** Issue 13: `--lang en` is English throughout, by construction: one catalogue per language with the same keys. */

// The type system keeps the catalogues complete: tsc -p . type-checks these lines.
// @ts-expect-error a catalogue without one of Swedish's keys is not a catalogue
const _missing: Messages = { ...en, q_lastYear: undefined };
// @ts-expect-error a message with parameters has the same signature in every language
const _wrongSignature: Messages = { ...en, q_progress: (n: string) => n };
void _missing;
void _wrongSignature;

describe('the message catalogues', () => {
  it('have the same keys, and each message the same kind and number of parameters', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(sv).sort());
    for (const key of Object.keys(sv) as (keyof typeof sv)[]) {
      const s = sv[key] as unknown;
      const e = en[key] as unknown;
      expect(typeof e, key).toBe(typeof s);
      if (typeof s === 'function') expect((e as (...a: unknown[]) => string).length, key).toBe((s as (...a: unknown[]) => string).length);
    }
  });
});

/** Swedish words that are ours, never the catalogue's or the user's: statuses, plan statuses, why-tags. */
const SWEDISH = /Pågår|Ej påbörjad|Enligt plan|Avvikelse|lagkrav|Accepterad risk|återkommande sedan|klart senast|fokusområde|ej klassad/;

describe('--lang en through the CLI', () => {
  let ws: string;
  const cli = (...args: string[]) => run(['--lang', 'en', ...args], { cwd: ws });
  beforeAll(async () => {
    ws = copyExampleWorkspace();
    // Every plan status is in use, so that each has to be said in English.
    const sv = (...args: string[]) => run(args, { cwd: ws });
    expect((await sv('plan', 'set', 'telefoni:DRI-manga-allvarliga-incidenter', '--year', '2025', '--status', 'pågår')).code).toBe(0);
    expect((await sv('plan', 'set', 'telefoni:DRI-riskanalys-drift-ofullstandig', '--year', '2025', '--status', 'klar')).code).toBe(0);
  });
  afterAll(() => removeDir(ws));

  it.each([
    [['overview']],
    [['actions', '--year', '2025']],
    [['actions', '--year', '2025', '--top', '3', '--explain']],
    [['show', '--year', '2025', '--service', 'telefoni']],
    [['score', '--year', '2025']],
    [['compare']],
    [['service', 'show', 'telefoni']],
    [['incident', 'list']],
  ])('%j says statuses, plan statuses and why-tags in English', async (args) => {
    const r = await cli(...args);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).not.toMatch(SWEDISH);
    expect(r.stdout).not.toMatch(/\b(stor|mellan|liten) · /);
  });

  it('actions: "Status: In progress", "major · legal requirement"', async () => {
    const r = await run(['--lang', 'en', 'actions', '--year', '2025'], { cwd: ws, env: { COLUMNS: '100' } });
    expect(r.stdout).toContain('In progress');
    expect(r.stdout).toContain('Done');
    expect(r.stdout).toMatch(/major · legal requirement/);
    expect(r.stdout).toMatch(/recurring since 2024/);
  });

  it('export csv: English statuses and why-tags, yes/no cells, and plan import reads it back unchanged', async () => {
    const w = await cli('export', '--year', '2025', '--format', 'csv', '--out', 'en.csv');
    expect(w.code, w.stderr).toBe(0);
    expect(w.stdout).toContain('Wrote');
    const text = readFileSync(join(ws, 'en.csv'), 'utf8');
    const cells = text.split('\r\n').slice(2).flatMap((l) => l.split(';'));
    expect(cells).not.toContain('"ja"');
    expect(cells).not.toContain('"nej"');
    expect(cells).toContain('"yes"');
    expect(cells).toContain('"no"');
    expect(cells).toContain('"In progress"');
    expect(cells).toContain('"Not started"');
    expect(cells.filter((c) => /^"(Ej påbörjad|Pågår|Klar|Accepterad risk)"$/.test(c))).toEqual([]);
    expect(cells.filter((c) => /^"(stor|mellan|liten)"$/.test(c))).toEqual([]);
    expect(text).not.toMatch(/lagkrav|återkommande sedan|Enligt plan|Avvikelse/);
    const back = await cli('plan', 'import', 'en.csv', '--year', '2025', '--dry-run');
    expect(back.code, back.stderr).toBe(0);
    expect(back.stdout).toMatch(/rows read, 0 actions would be changed/);
  });

  it('export md: English statuses and why-tags', async () => {
    const r = await cli('export', '--year', '2025', '--format', 'md');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('| In progress |');
    expect(r.stdout).not.toMatch(SWEDISH);
  });

  it('plan set says the statuses in English', async () => {
    const r = await cli('plan', 'set', 'telefoni:DRI-manga-allvarliga-incidenter', '--year', '2025', '--status', 'done');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('telefoni:DRI-manga-allvarliga-incidenter: In progress → Done');
  });

  it('the common errors, with "Did you mean", in English; exit 2 and nothing changed', async () => {
    const before = snapshot(join(ws, 'answers'));
    const service = await cli('score', '--service', 'Telefoni');
    expect(service.code).toBe(2);
    expect(service.stderr).toContain("error: Unknown service 'Telefoni'. Did you mean telefoni?");
    expect(service.stderr).toContain('Known: organisation');
    const question = await cli('answer', '--year', '2025', '--service', 'telefoni', 'AVT1=ja');
    expect(question.stderr).toContain("'AVT1': unknown question for telefoni (Did you mean AVT.1?)");
    expect(question.stderr).toContain('nothing has been changed');
    const year = await cli('answer', '--service', 'telefoni', 'AVT.1=ja');
    expect(year.stderr).toContain('needs --year');
    expect((await cli('score', '--checklist', 'itsk')).stderr).toContain("Unknown checklist 'itsk'. Did you mean itsak?");
    expect((await cli('export', '--year', '2025', '--format', 'csv', '--out', 'en.csv')).stderr).toContain('already exists');
    expect((await cli('bogus')).stderr).toMatch(/^error: unknown command 'bogus'/);
    expect(snapshot(join(ws, 'answers'))).toEqual(before);
    const swedish = await run(['score', '--service', 'Telefoni'], { cwd: ws });
    expect(swedish.stderr).toContain("fel: Okänd tjänst 'Telefoni'. Menade du telefoni?");
  });

  it('--help in English', async () => {
    const r = await cli('--help');
    expect(r.stdout).toContain('Usage: efterlev [options] [command]');
    expect(r.stdout).toContain('language of the output');
    expect(r.stdout).toContain('Exit codes:');
  });
});

/** Swedish words of ours that English output must not have (the catalogue's and the user's own data aside). */
const OUR_SWEDISH = new Set(['och', 'är', 'av', 'inte', 'för', 'till', 'filer', 'stängt', 'stängde', 'stängda', 'öppet', 'skrev', 'ingenting', 'finns', 'saknas', 'rad', 'kolumn', 'med', 'som', 'eller', 'nya', 'ny', 'ändrad', 'ändrade', 'oförändrade', 'provkörning', 'stämmer', 'kedjan', 'året', 'år', 'mappen', 'disken', 'uppfyllt', 'delvis', 'krav', 'frågor', 'bedömda', 'åtgärder', 'hela', 'organisationer', 'ogiltig', 'okänd', 'fel', 'sparades', 'gäller']);
const swedishIn = (text: string): string[] => [...new Set(text.split(/[^\p{L}]+/u).filter((w) => OUR_SWEDISH.has(w.toLowerCase())))];

describe('--lang en: years, verify, git, migrate, rollup, service import, coverage and their errors', () => {
  let ws: string;
  const cli = (...args: string[]) => run(['--lang', 'en', ...args], { cwd: ws });
  beforeAll(() => {
    ws = copyExampleWorkspace();
  });
  afterAll(() => removeDir(ws));

  it('year close, year list and verify', async () => {
    const close = await cli('year', 'close', '2024', '--by', 'Eva Ek');
    expect(close.code, close.stderr).toBe(0);
    expect(close.stdout).toMatch(/^Closed 2024: \d+ files and \d+ catalogue files \(/);
    expect(close.stdout).toContain('First closed year in the chain.');
    expect(close.stdout).toContain('Changes to 2024 are now refused.');
    expect(swedishIn(close.stdout)).toEqual([]);
    const list = await cli('year', 'list');
    expect(list.stdout).toMatch(/^2024 {2}closed \d{4}-\d\d-\d\d by Eva Ek \(9 answer files\)\n2025 {2}open \(9 answer files\)/);
    expect(swedishIn(list.stdout)).toEqual([]);
    const verify = await cli('verify');
    expect(verify.code, verify.stderr).toBe(0);
    expect(verify.stdout).toMatch(/^2024: closed \d{4}-\d\d-\d\d by Eva Ek, \d+ files and \d+ catalogue files — matches; unsigned/);
    expect(verify.stdout).toContain('The closed year 2024 matches its manifest.');
    expect(swedishIn(verify.stdout)).toEqual([]);
  });

  it('the closed-year refusals', async () => {
    const answer = await cli('answer', '--year', '2024', '--service', 'telefoni', 'AVT.1=nej');
    expect(answer.code).toBe(2);
    expect(answer.stderr).toContain('error: The year 2024 is closed (closed ');
    expect(answer.stderr).toContain('must not be changed. Nothing was saved.');
    const again = await cli('year', 'close', '2024', '--by', 'Eva Ek');
    expect(again.stderr).toContain('2024 is already closed');
    const reopen = await cli('year', 'reopen', '2025', '--reason', 'x', '--by', 'Eva Ek');
    expect(reopen.stderr).toContain('2025 is not closed.');
    for (const r of [answer, again, reopen]) expect(swedishIn(r.stderr)).toEqual([]);
  });

  it('migrate --dry-run', async () => {
    const r = await cli('migrate', '--dry-run');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('2024 is closed (');
    expect(r.stdout).toContain("All files are already in the catalogue's current version.");
    expect(swedishIn(r.stdout)).toEqual([]);
  });

  it('git setup in a git repository, and outside one', async () => {
    const outside = await cli('git', 'setup');
    expect(outside.code).toBe(2);
    expect(outside.stderr).toContain('is not in a git repository');
    expect(swedishIn(outside.stderr)).toEqual([]);
    const init = spawnSync('git', ['init', '-q'], { cwd: ws, env: { ...process.env, GIT_CONFIG_GLOBAL: devNull, GIT_CONFIG_NOSYSTEM: '1' } });
    expect(init.status).toBe(0);
    const r = await cli('git', 'setup');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Git is set up for efterlev in');
    expect(r.stdout).toContain('.gitattributes: written; merge=efterlev for the answers per service and year');
    expect(r.stdout).toContain('Commit .gitattributes and .gitignore');
    expect(swedishIn(r.stdout)).toEqual([]);
    expect((await cli('git', 'setup')).stdout).toContain('Git was already set up');
  });

  it('rollup init and overview', async () => {
    const city = join(ws, 'city');
    const init = await run(['--lang', 'en', '--dir', city, 'rollup', 'init', '--member', ws, '--name', 'City']);
    expect(init.code, init.stderr).toBe(0);
    expect(init.stdout).toContain('with 1 member.');
    const r = await run(['--lang', 'en', '--dir', city, 'rollup', 'overview', '--year', '2025'], { env: { COLUMNS: '140' } });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('City 2025: 1 organisation');
    expect(r.stdout).toMatch(/Organisation +│ Checklist +│ Score +│ Status +│ Assessed +│ Actions/);
    expect(r.stdout).toContain('All of City');
    expect(r.stdout).toContain('8 of 8');
    expect(swedishIn(r.stdout)).toEqual([]);
  });

  it('service import --dry-run, and a bad row', async () => {
    writeFileSync(join(ws, 'inventory.csv'), 'id;name;owner\nnew-system;New system;Anna Berg\nadato;Adato;Anna Berg\n');
    const r = await cli('service', 'import', 'inventory.csv', '--dry-run');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('new: new-system New system');
    expect(r.stdout).toMatch(/^changed: adato: name: .* → Adato; owner: .* → Anna Berg$/m);
    expect(r.stdout).toContain('1 new, 1 changed, 0 unchanged (dry run: nothing written).');
    expect(r.stdout).not.toMatch(/^(ny|ändrad): |ansvarig:|provkörning/m);
    writeFileSync(join(ws, 'bad.csv'), 'id;name\nBAD ID;X\n');
    const bad = await cli('service', 'import', 'bad.csv');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("bad.csv (row 2): 'bad id' is not a valid service id");
    expect(swedishIn(bad.stderr)).toEqual([]);
  });

  it('coverage', async () => {
    const r = await cli('coverage', '--year', '2025', '--framework', 'gdpr');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Requirement +│ Title +│ Questions +│ Result/);
    expect(r.stdout).toContain('partly');
    // The framework's source (the second line) is the catalogue's own words.
    expect(swedishIn(r.stdout.split('\n').filter((_, i) => i !== 1).join('\n'))).toEqual([]);
    const unknown = await cli('coverage', '--year', '2025', '--framework', 'gdrp');
    expect(unknown.stderr).toContain("Unknown framework 'gdrp'.");
  });

  it('the less common errors: a missing folder, the deviation report, plan import, incidents', async () => {
    const folder = await cli('export', '--year', '2025', '--format', 'csv', '--out', join(ws, 'nope', 'x.csv'));
    expect(folder.code).toBe(2);
    expect(folder.stderr).toMatch(/error: The folder .*nope does not exist\./);
    const period = await cli('report', '--kind', 'avvikelser', '--from', '2023-01-01');
    expect(period.stderr).toContain('--kind avvikelser needs --to.');
    writeFileSync(join(ws, 'plan.csv'), 'Id;Status;Owner;Due;Note;Motivation (accepted risk);Accepted by\nnone:such;pågår;;;;;\n');
    const plan = await cli('plan', 'import', 'plan.csv', '--year', '2025');
    expect(plan.code).toBe(2);
    expect(plan.stderr).toContain("(row 2, column 1 (Id)): unknown action 'none:such' for the year");
    const incident = await cli('incident', 'add', '--service', 'telefoni', '--kind', 'mi', '--title', 'T', '--occurred', '2025-02-30');
    expect(incident.code).toBe(2);
    expect(incident.stderr).toContain("'2025-02-30' is not a date; write YYYY-MM-DD");
    mkdirSync(join(ws, 'in'));
    const notAFile = await cli('service', 'import', 'in');
    expect(notAFile.stderr).toContain('is a folder: efterlev reads only regular files');
    for (const r of [folder, period, plan, incident, notAFile]) expect(swedishIn(r.stderr), r.stderr).toEqual([]);
  });

  it('--help of year close, verify, git setup, rollup, coverage and service import in English', async () => {
    for (const args of [['year', 'close'], ['verify'], ['git', 'setup'], ['rollup'], ['coverage'], ['service', 'import'], ['migrate'], ['incident', 'import']]) {
      const r = await cli(...args, '--help');
      expect(r.code, args.join(' ')).toBe(0);
      expect(r.stdout, args.join(' ')).toMatch(/\nExamples:\n/);
      expect(r.stdout).not.toMatch(/\nExempel:\n/);
    }
  });
});

describe('--lang en from an empty workspace', () => {
  let ws: string;
  beforeAll(() => {
    ws = tempDir();
  });
  afterAll(() => removeDir(ws));
  const cli = (...args: string[]) => run(['--lang', 'en', '--dir', ws, ...args]);

  it('init, service add, answer, import, validate and year list speak English', async () => {
    expect((await cli('init', '--name', 'Test')).stdout).toContain('Created a workspace in');
    expect((await cli('overview')).stdout).toContain('No answers yet.');
    const add = await cli('service', 'add', 'x', '--name', 'X');
    expect(add.stdout).toContain('Registered X (x).');
    expect(add.stdout).toContain('Unknown so far: personal data, sensitive personal data, third-country transfer, information classification.');
    const bad = await cli('service', 'set', 'x', '--classification', 'K9');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("classification: Invalid classification 'K9'.");
    expect(bad.stderr).not.toContain('klassning');
    const answer = await cli('answer', '--year', '2025', '--service', 'x', 'LOG.1=ja');
    expect(answer.stdout).toContain('LOG.1 = ja (new)');
    expect(answer.stdout).toContain('Saved in x 2025.');
    const date = await cli('answer', '--year', '2025', '--service', 'x', 'BEH.3=2025-02-30');
    expect(date.stderr).toContain('BEH.3: there is no 30 February');
    expect((await cli('validate')).stdout).toMatch(/^All in order: /);
    expect((await cli('year', 'list')).stdout).toContain('2025  open (1 answer file)');
    for (const r of [answer, date]) expect(r.stdout + r.stderr).not.toMatch(/Sparat|nytt|ingenting|finns inte/);
  });
});

describe('the questionnaire in a terminal', () => {
  let ws: string;
  beforeAll(async () => {
    ws = tempDir();
    writeMiniCatalog(ws);
    const cli = (...args: string[]) => run(['--dir', ws, ...args]);
    await cli('init', '--name', 'Testkommunen');
    await cli('service', 'add', 'webb', '--name', 'Webbportalen', '--personal-data', '--classification', 'K2R2T2S2');
    await cli('answer', '--year', '2024', '--service', 'webb', 'ACC.1=delvis', '--comment', 'PuB-avtal under uppdatering');
  });
  afterAll(() => removeDir(ws));

  it('asks yes or no in Swedish: (j/N), "j" and "nej" are answers, anything else a Swedish error', async () => {
    const t = new Terminal(['assess', '--year', '2025', '--service', 'ny-tjanst'], ws, { EFTERLEV_NOW: '2025-11-03T09:00:00.000Z' });
    await t.expect("Tjänsten 'ny-tjanst' finns inte i registret. Registrera den nu? (j/N)");
    await t.type('x', KEY.enter);
    await t.expect('Svara Ja eller Nej (j/n).');
    await t.type(KEY.backspace, 'j', KEY.enter);
    await t.expect('Namn:');
    await t.type(...'Ny tjänst', KEY.enter);
    await t.expect('Ansvarig');
    await t.type(KEY.enter);
    await t.expect('Extern leverantör');
    await t.type(KEY.enter);
    await t.expect('Behandlar tjänsten personuppgifter? (J/n)');
    await t.type(...'nej', KEY.enter);
    await t.expect('Informationsklassning');
    await t.type(...'K2R2T2S2', KEY.enter);
    await t.expect('Ny tjänst (ny-tjanst) · 2025 · Mini');
    t.write(KEY.ctrlC);
    expect(await t.exited).toBe(130);
    const register = readJson<{ services: { id: string; personalData: unknown }[] }>(join(ws, 'answers', 'services.json'));
    expect(register.services.find((s) => s.id === 'ny-tjanst')?.personalData).toBe(false);
  });

  it('--lang en: the frame, the choices and the resume line in English', async () => {
    const t = new Terminal(['--lang', 'en', 'assess', '--year', '2025', '--service', 'webb', '--reviewer', 'pty'], ws);
    await t.expect('— control 1 of 2');
    await t.expect('Question 1 of 4 ·');
    await t.expect("Last year: Partly — 'PuB-avtal under uppdatering'");
    await t.expect('? Help and references');
    await t.expect('> Skip');
    await t.expect('↑↓ navigate • ⏎ select');
    t.write(KEY.enter);
    await t.expect('< Previous question');
    t.write(KEY.ctrlC);
    await t.expect('Interrupted. 1 answer was saved during the session; no confirmed answer has been lost.');
    await t.expect('Continue where you left off: efterlev assess --year 2025 --service webb --reviewer pty --lang en');
    expect(await t.exited).toBe(130);
    expect(t.screen).not.toMatch(/Förra året|Fråga \d|Hoppa över|flytta|Avbrutet/);
  });

  it('--lang en: the service picker and an English yes/no', async () => {
    const t = new Terminal(['--lang', 'en', 'assess', '--year', '2025'], ws);
    await t.expect('Which service is reviewed in 2025?');
    t.write(KEY.ctrlC);
    expect(await t.exited).toBe(130);
    const r = new Terminal(['--lang', 'en', 'assess', '--year', '2025', '--service', 'annan'], ws);
    await r.expect("The service 'annan' is not in the register. Register it now? (y/N)");
    r.write(KEY.enter);
    await r.expect("error: Unknown service 'annan'.");
    expect(await r.exited).toBe(2);
  });
});
