import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { copyExampleWorkspace, readJson, removeDir, run, snapshot, tempDir } from './helpers.js';
import { Terminal } from './pty.js';

/** Issue 13: --year defaults to the latest year in the workspace, and a mistyped id is met with "Menade du …?". */

let ws: string;
let out: string;
const env = { EFTERLEV_NOW: '2026-01-20T10:00:00.000Z' };
const cli = (...args: string[]) => run(['--dir', ws, ...args], { env });
const LATEST = '(år 2025, senaste i arbetsytan)';

beforeAll(() => {
  ws = copyExampleWorkspace();
  out = tempDir('efterlev-out-');
});
afterAll(() => {
  removeDir(ws);
  removeDir(out);
});

describe('--year defaults to the latest year in the workspace, and says so', () => {
  it.each([
    [['score'], ['score', '--year', '2025']],
    [['score', '--service', 'telefoni'], ['score', '--year', '2025', '--service', 'telefoni']],
    [['actions'], ['actions', '--year', '2025']],
    [['actions', '--explain', '--service', 'telefoni'], ['actions', '--explain', '--year', '2025', '--service', 'telefoni']],
    [['show', '--service', 'telefoni'], ['show', '--year', '2025', '--service', 'telefoni']],
    [['compare'], ['compare', '2024', '2025']],
    [['observation', 'list'], ['observation', 'list', '--year', '2025']],
  ])('%j is the same as %j', async (without, given) => {
    const a = await cli(...without);
    const b = await cli(...given);
    expect(a.code, a.stderr).toBe(0);
    // The same output, after a first line that says which year it is.
    const note = without[0] === 'compare' ? '(2024 mot 2025, senaste året i arbetsytan)' : LATEST;
    expect(a.stdout).toBe(`${note}\n${b.stdout}`);
    expect(b.stdout).not.toContain('senaste i arbetsytan');
    // The JSON is the documented shape, nothing added: the year is in it.
    const ja = await cli(...without, '--json');
    const jb = await cli(...given, '--json');
    expect(ja.stdout).toBe(jb.stdout);
  });

  it('export and report: in the message, or on stderr when the file goes to stdout', async () => {
    const file = join(out, 'hp.csv');
    const a = await cli('export', '--format', 'csv', '--out', file);
    expect(a.code, a.stderr).toBe(0);
    expect(a.stdout).toContain(`Skrev`);
    expect(a.stdout).toContain(LATEST);
    expect(readFileSync(file, 'utf8')).toContain('2025');
    const md = await cli('export', '--format', 'md');
    expect(md.stderr).toContain(`Handlingsplanen ${LATEST}.`);
    expect(md.stdout).toBe((await cli('export', '--format', 'md', '--year', '2025')).stdout);
    const report = await cli('report');
    expect(report.code, report.stderr).toBe(0);
    expect(report.stderr).toContain(`Årsrapporten ${LATEST}.`);
    expect(report.stdout).toBe((await cli('report', '--year', '2025')).stdout);
  });

  it('plan set and observation add write to the latest year and say so', async () => {
    const set = await cli('plan', 'set', 'telefoni:BEH-granskning-inaktuell', '--status', 'pågår');
    expect(set.code, set.stderr).toBe(0);
    expect(set.stdout).toContain(LATEST);
    expect(readJson<{ actions: Record<string, { status: string }> }>(join(ws, 'answers', 'plan', '2025.json')).actions['telefoni:BEH-granskning-inaktuell']?.status).toBe('pågår');
    const obs = await cli('observation', 'add', 'Underbiträden behöver följas upp i avtalen.');
    expect(obs.stdout).toContain(`Sparade en särskild iakttagelse för 2025 ${LATEST}.`);
  });

  it('answer and import write answers: they still need --year, and name the years to choose from', async () => {
    const before = snapshot(ws);
    for (const args of [['answer', '--service', 'telefoni', 'LOG.1=ja'], ['import', join(out, 'x.csv')]]) {
      const r = await cli(...args);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('behöver --year');
      expect(r.stderr).toContain('--year 2025 (senaste i arbetsytan)');
      expect(r.stderr).toContain('--year 2026 (innevarande år)');
    }
    expect(snapshot(ws)).toEqual(before);
  });

  it('a workspace without answers asks for --year', async () => {
    const empty = tempDir();
    try {
      await run(['--dir', empty, 'init']);
      const r = await run(['--dir', empty, 'score']);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('ange --year');
    } finally {
      removeDir(empty);
    }
  });
});

describe('Menade du …?', () => {
  it.each([
    [['score', '--service', 'Telefoni'], "Okänd tjänst 'Telefoni'. Menade du telefoni?"],
    [['show', '--service', 'telefonj'], "Okänd tjänst 'telefonj'. Menade du telefoni?"],
    [['actions', '--service', 'ubw-agreso'], 'Menade du ubw-agresso?'],
    [['score', '--checklist', 'itsk'], "Okänd checklista 'itsk'. Menade du itsak?"],
    [['answer', '--year', '2025', '--service', 'telefoni', 'AVT1=ja'], "'AVT1': okänd fråga för telefoni (Menade du AVT.1?)"],
    [['answer', '--year', '2025', '--service', 'telefoni', 'LGO.1=ja'], 'Menade du LOG.1?'],
    [['plan', 'set', 'telefoni:DRI-manga-allvarliga-incident', '--status', 'klar'], 'Menade du telefoni:DRI-manga-allvarliga-incidenter?'],
    [['service', 'show', 'ofice365'], 'Menade du office365?'],
    [['incident', 'add', '--service', 'Visma-Recruit', '--kind', 'mi', '--title', 'X', '--occurred', '2025-03-01'], 'Menade du visma-recruit?'],
  ])('%j', async (args, message) => {
    const before = snapshot(ws);
    const r = await cli(...args);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expect(r.stderr).not.toContain('Registrera en ny');
    expect(snapshot(ws)).toEqual(before);
  });

  it('suggests nothing for an id far from every known one, and offers to register it', async () => {
    const r = await cli('score', '--service', 'ekonomisystem');
    expect(r.stderr).not.toContain('Menade du');
    expect(r.stderr).toContain('Registrera en ny');
  });

  it('assess suggests a near-identical service instead of offering to register it', async () => {
    const before = snapshot(ws);
    const t = new Terminal(['assess', '--year', '2025', '--service', 'Telefoni'], ws, env);
    await t.expect("Okänd tjänst 'Telefoni'. Menade du telefoni?");
    expect(await t.exited).toBe(2);
    expect(t.screen).not.toContain('Registrera den nu?');
    const control = new Terminal(['assess', '--year', '2025', '--service', 'telefoni', '--control', 'LGO'], ws, env);
    await control.expect("Okänd kontroll 'LGO'. Menade du LOG?");
    expect(await control.exited).toBe(2);
    expect(snapshot(ws)).toEqual(before);
  });
});

describe('show --history', () => {
  it('lists every earlier value of a question with who and when, oldest first', async () => {
    const answer = (value: string, comment: string, by: string) => run(['--dir', ws, 'answer', '--year', '2025', '--service', 'telefoni', `LOG.1=${value}`, '--comment', comment, '--reviewer', by]);
    const original = readJson<{ answers: Record<string, { value: string; by: string }> }>(join(ws, 'answers', '2025', 'telefoni.json')).answers['LOG.1']!;
    expect((await answer('nej', 'Loggranskningen har upphört', 'anna.berg')).code).toBe(0);
    expect((await answer('delvis', 'Loggar granskas kvartalsvis', 'bo.ek')).code).toBe(0);
    const r = await run(['--dir', ws, 'show', '--year', '2025', '--service', 'telefoni', '--history'], { env: { COLUMNS: '100' } });
    expect(r.code, r.stderr).toBe(0);
    const text = r.stdout.replace(/\s+/g, ' ');
    const first = text.indexOf(`${original.by}: ${original.value === 'ja' ? 'Ja' : original.value === 'nej' ? 'Nej' : 'Delvis'}`);
    const second = text.indexOf("anna.berg: Nej — 'Loggranskningen har upphört'");
    expect(first).toBeGreaterThan(-1);
    expect(second).toBeGreaterThan(first);
    expect(text).toContain("Kommentar: Loggar granskas kvartalsvis");
    const plain = await run(['--dir', ws, 'show', '--year', '2025', '--service', 'telefoni']);
    expect(plain.stdout).toContain('visa dem med --history');
    expect(plain.stdout).not.toContain('Tidigare värden');
  });
});
