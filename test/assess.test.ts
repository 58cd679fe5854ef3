import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { BIN, readJson, removeDir, run, snapshot, tempDir } from './helpers.js';
import { writeMiniCatalog } from './fixtures/mini-catalog.js';
import { KEY, Terminal } from './pty.js';

let ws: string;
type Stored = { answers: Record<string, { value: unknown; comment?: string; evidence?: string; by: string }>; history: unknown[] };
const stored = (year: number) => readJson<Stored>(join(ws, 'answers', String(year), 'webb.json'));

beforeAll(async () => {
  ws = tempDir();
  writeMiniCatalog(ws);
  const cli = (...args: string[]) => run(['--dir', ws, ...args]);
  await cli('init', '--name', 'Testkommunen');
  await cli('service', 'add', 'webb', '--name', 'Webbportalen', '--personal-data', '--classification', 'K2R2T2S2');
  await cli('answer', '--year', '2024', '--service', 'webb', 'ACC.1=delvis', '--comment', 'PuB-avtal under uppdatering', '--evidence', 'Avtal dnr 2023-118');
  await cli('answer', '--year', '2024', '--service', 'webb', 'ACC.2=ja', 'LOG.1=ja', 'ACC.4=nej');
});
afterAll(() => removeDir(ws));

describe('efterlev assess in a terminal', () => {
  it('carries last year forward with one key, keeps answers on Ctrl-C, resumes and finishes with a summary', async () => {
    const t = new Terminal(['assess', '--year', '2025', '--service', 'webb', '--reviewer', 'pty'], ws);
    await t.expect('Webbportalen (webb) · 2025 · Mini');
    await t.expect('ACC Behörigheter — kontroll 1 av 2');
    await t.expect('Fråga 1 av 4 · totalt 0 % besvarat');
    await t.expect("Förra året: Delvis — 'PuB-avtal under uppdatering'");
    await t.expect('ACC.1 Fråga ACC.1?');
    t.write(KEY.enter);
    await t.expect('ACC.2 Fråga ACC.2?');
    t.write(KEY.enter);
    await t.expect('ACC.3 Fråga ACC.3?');
    await t.type(...'2025-13-01', KEY.enter);
    await t.expect('ÅÅÅÅ-MM-DD');
    await t.type(...Array(10).fill(KEY.backspace), ...'2025-03-01', KEY.enter);
    await t.expect('Kommentar (valfri):');
    await t.type(KEY.enter);
    await t.expect('Underlag');
    await t.type(KEY.enter);
    await t.expect('ACC.4 Fråga ACC.4?');
    t.write(KEY.ctrlC);
    await t.expect('Fortsätt där du slutade: efterlev assess --year 2025 --service webb');
    expect(await t.exited).toBe(130);

    const afterBreak = stored(2025);
    expect(Object.keys(afterBreak.answers)).toEqual(['ACC.1', 'ACC.2', 'ACC.3']);
    expect(afterBreak.answers['ACC.1']).toMatchObject({ value: 'delvis', comment: 'PuB-avtal under uppdatering', evidence: 'Avtal dnr 2023-118', by: 'pty' });
    expect(afterBreak.answers['ACC.3']?.value).toBe('2025-03-01');

    const again = new Terminal(['assess', '--year', '2025', '--service', 'webb', '--reviewer', 'pty'], ws);
    await again.expect('Fråga 4 av 4 · totalt 43 % besvarat');
    await again.expect('ACC.4 Fråga ACC.4?');
    await again.type(KEY.down, KEY.enter); // last year's Nej is the default; one down is Ej tillämplig
    await again.expect('Motivering (krävs för Ej tillämplig):'); // the register says ACC.4 applies
    await again.type(...'Gäller inte längre', KEY.enter);
    await again.expect('Underlag');
    await again.type(KEY.enter);
    await again.expect('LOG.1 Fråga LOG.1?');
    again.write(KEY.enter);
    await again.expect('LOG.2 Fråga LOG.2?');
    await again.expect('— välj ett svar —'); // never answered: nothing preselected
    await again.type(KEY.down, KEY.down, KEY.down, KEY.enter);
    await again.expect('Kommentar (valfri):');
    await again.type(KEY.enter);
    await again.expect('Underlag');
    await again.type(KEY.enter);
    await again.expect('LOG.3 Fråga LOG.3?');
    await again.type(...'4', KEY.enter);
    await again.expect('Kommentar (valfri):');
    await again.type(...'Fyra incidenter', KEY.enter);
    await again.expect('Underlag');
    await again.type(KEY.enter);
    await again.expect('Webbportalen (webb) · Mini 2025:');
    await again.expect('Nya brister sedan 2024: 2'); // LOG's rule, and ACC.4 called not applicable though the register says it applies
    await again.expect('Att åtgärda först');
    expect(await again.exited).toBe(0);

    const done = stored(2025);
    expect(Object.fromEntries(Object.entries(done.answers).map(([k, a]) => [k, a.value]))).toEqual({
      'ACC.1': 'delvis',
      'ACC.2': 'ja',
      'ACC.3': '2025-03-01',
      'ACC.4': 'ej_tillamplig',
      'LOG.1': 'ja',
      'LOG.2': 'alltid',
      'LOG.3': 4,
    });
    expect(done.answers['ACC.4']?.comment).toBe('Gäller inte längre');
  });

  it('goes back a question, skips one, and shows help', async () => {
    const t = new Terminal(['assess', '--year', '2025', '--service', 'webb', '--all', '--control', 'ACC'], ws);
    await t.expect('ACC.1 Fråga ACC.1?');
    await t.type('?', KEY.enter); // typing jumps to the choice that starts with it
    await t.expect('Hjälp för ACC.1');
    await t.expect('Referenser: ISO/IEC 27002:2022 5.15 (lagkrav)');
    await t.expect('ACC.1 Fråga ACC.1?');
    await t.type('>', KEY.enter);
    await t.expect('ACC.2 Fråga ACC.2?');
    await t.type('<', KEY.enter);
    await t.expect('ACC.1 Fråga ACC.1?');
    await t.type('n', KEY.enter);
    await t.expect("Kommentar (valfri; Enter behåller, ⌫ tar bort): (PuB-avtal under uppdatering)"); // this year's comment is the default
    t.write(KEY.ctrlC);
    // The choice was shown as done (✔) before the comment was asked: it is saved, and the exit says how.
    await t.expect('ACC.1 sparades som Nej, utan kommentar och underlag.');
    expect(await t.exited).toBe(130);
    expect(stored(2025).answers['ACC.1']?.value).toBe('nej');
  });

  it('edits comment and evidence of an answer on request', async () => {
    const t = new Terminal(['assess', '--year', '2025', '--service', 'webb', '--all', '--control', 'LOG', '--reviewer', 'redaktor'], ws);
    await t.expect('LOG.1 Fråga LOG.1?');
    await t.type('*', KEY.enter);
    await t.expect('Kommentar (valfri):');
    await t.type(...'Granskat i oktober', KEY.enter);
    await t.expect('Underlag');
    await t.type(...'Logg-PM 2025', KEY.enter);
    await t.expect('LOG.2 Fråga LOG.2?');
    t.write(KEY.ctrlC);
    expect(await t.exited).toBe(130);
    expect(stored(2025).answers['LOG.1']).toMatchObject({ value: 'ja', comment: 'Granskat i oktober', evidence: 'Logg-PM 2025' });
    expect((stored(2025).history as { question: string }[]).filter((h) => h.question === 'LOG.1')).toEqual([expect.objectContaining({ question: 'LOG.1', value: 'ja' })]);
  });

  it('lets the reviewer pick the service from a list with its progress', async () => {
    const t = new Terminal(['assess', '--year', '2025'], ws);
    await t.expect('Vilken tjänst granskas 2025?');
    await t.expect('Webbportalen (webb)  7/7 · senast redaktor');
    await t.expect('↑↓ flytta • ⏎ välj');
    t.write(KEY.ctrlC);
    expect(await t.exited).toBe(130);
  });

  it('offers to register an unknown service, and refuses when declined', async () => {
    const before = snapshot(ws);
    const t = new Terminal(['assess', '--year', '2025', '--service', 'ny-tjanst'], ws);
    await t.expect("Tjänsten 'ny-tjanst' finns inte i registret. Registrera den nu?");
    t.write(KEY.enter);
    await t.expect("Okänd tjänst 'ny-tjanst'");
    await t.expect('Kända: organisation, webb');
    expect(await t.exited).toBe(2);
    expect(snapshot(ws)).toEqual(before);
  });
});

describe('registering a service from the questionnaire', () => {
  it('asks for the register fields, saves the service and starts its questions', async () => {
    const t = new Terminal(['assess', '--year', '2025', '--service', 'ny-tjanst'], ws, { EFTERLEV_NOW: '2025-11-03T09:00:00.000Z' }); // 2025 is the year under way: a new service joins its review
    await t.expect('Registrera den nu?');
    await t.type('y', KEY.enter);
    await t.expect('Namn:');
    await t.type(...'Ny tjänst', KEY.enter);
    await t.expect('Ansvarig');
    await t.type(...'Kim Lund', KEY.enter);
    await t.expect('Extern leverantör');
    await t.type(KEY.enter);
    await t.expect('Behandlar tjänsten personuppgifter?');
    await t.type(KEY.enter);
    await t.expect('Känsliga personuppgifter');
    await t.type(KEY.enter);
    await t.expect('tredje land?');
    await t.type(KEY.enter);
    await t.expect('Informationsklassning');
    await t.type(...'K9', KEY.enter);
    await t.expect('Ogiltig klassning');
    await t.type(KEY.backspace, KEY.backspace, ...'K3R2T3S2', KEY.enter);
    await t.expect('Ny tjänst (ny-tjanst) · 2025 · Mini');
    t.write(KEY.ctrlC);
    expect(await t.exited).toBe(130);
    const register = readJson<{ services: { id: string }[] }>(join(ws, 'answers', 'services.json'));
    expect(register.services.find((s) => s.id === 'ny-tjanst')).toEqual({
      id: 'ny-tjanst',
      name: 'Ny tjänst',
      owner: 'Kim Lund',
      personalData: true,
      sensitiveData: false,
      thirdCountry: false,
      classification: { K: 3, R: 2, T: 3, S: 2 },
    });
    // 2025 is open: its register snapshot follows the register and holds the new service.
    const snapshot = readJson<{ services: { id: string }[] }>(join(ws, 'answers', 'register', '2025.json'));
    expect(snapshot.services.map((s) => s.id)).toContain('ny-tjanst');
  });
});

describe('efterlev assess without a terminal', () => {
  it('exits 2 at once and points to answer and import', async () => {
    const r = await run(['--dir', ws, 'assess', '--year', '2025', '--service', 'webb']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('efterlev assess behöver en terminal');
    expect(r.stderr).toContain('efterlev answer');
    expect(r.stderr).toContain('efterlev import');
  });

  it('does not wait for input on an open pipe that never sends any', async () => {
    const child = spawn(process.execPath, [BIN, '--dir', ws, 'assess', '--year', '2025', '--service', 'webb'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    child.stdin.destroy();
    expect(code).toBe(2);
  });
});
