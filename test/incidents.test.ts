import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { copyExampleWorkspace, readJson, removeDir, run, snapshot, tempDir } from './helpers.js';
import { KEY, Terminal } from './pty.js';

/** Issue 11: an incident register that the rules read. */

let ws: string;
let files: string;
const NOW = '2026-06-15T10:00:00.000Z';
const env = { EFTERLEV_NOW: NOW };
const cli = (...args: string[]) => run(['--dir', ws, ...args], { env });
const add = (...args: string[]) => cli('incident', 'add', ...args);
type Action = { id: string; rule: string; severity: string; service: string };
async function actions(service: string): Promise<Action[]> {
  const r = await cli('actions', '--year', '2026', '--service', service, '--json');
  expect(r.code, r.stderr).toBe(0);
  return (JSON.parse(r.stdout) as { actions: Action[] }).actions;
}
const rules = async (service: string) => (await actions(service)).map((a) => a.rule);

beforeEach(async () => {
  ws = copyExampleWorkspace();
  files = tempDir('efterlev-incidents-');
  // A review under way in 2026, so the rules look at the twelve months up to its review date.
  await cli('answer', '--year', '2026', '--service', 'visma-recruit', 'INC.1=ja', '--evidence', 'Rutin dnr 1');
  await cli('answer', '--year', '2026', '--service', 'ubw-agresso', 'DRI.1=ja');
  await cli('answer', '--year', '2026', '--service', 'organisation', 'KP2.1=ja', '--evidence', 'Rutin dnr 2');
});
afterEach(() => {
  removeDir(ws);
  removeDir(files);
});

describe('the register', () => {
  it('adds, lists, shows and changes incidents, keeping the earlier version in the history', async () => {
    const a = await add('--service', 'visma-recruit', '--kind', 'pui', '--title', 'Cyberattack mot underleverantör', '--occurred', '2026-04-03', '--detected', '2026-04-07 09:10', '--imy-notified', '2026-04-09 15:00', '--supplier', 'Underleverantör AB');
    expect(a.code, a.stderr).toBe(0);
    expect(a.stdout).toContain('Registrerade incident 2026-001');
    const file = readJson<{ year: number; incidents: { id: string; kind: string; detected: string }[] }>(join(ws, 'answers', 'incidents', '2026.json'));
    expect(file.incidents[0]).toMatchObject({ id: '2026-001', kind: 'personuppgiftsincident', detected: new Date('2026-04-07T09:10:00').toISOString() });
    const list = await cli('incident', 'list', '--from', '2026-01-01');
    expect(list.stdout).toContain('2026-001');
    const set = await cli('incident', 'set', '2026-001', '--resolved', '2026-04-14', '--status', 'åtgärdad', '--root-cause', 'ja');
    expect(set.code, set.stderr).toBe(0);
    const shown = JSON.parse((await cli('incident', 'show', '2026-001', '--json')).stdout) as { incident: { status: string; rootCauseAnalysis: boolean }; history: { before: unknown }[] };
    expect(shown.incident).toMatchObject({ status: 'åtgärdad', rootCauseAnalysis: true });
    expect(shown.history).toHaveLength(2);
    expect((await cli('validate')).code).toBe(0);
  });

  it.each([
    [['--occurred', '2026-13-01'], "--occurred: '2026-13-01' är inget datum"],
    [['--occurred', '2026-04-03', '--detected', '2026-04-01 10:00'], '--detected: kännedom (2026-04-01) kan inte vara före inträffad (2026-04-03)'],
    [['--occurred', '2026-04-03', '--detected', '2026-04-05 10:00', '--imy-notified', '2026-04-04 10:00'], '--imy-notified: anmälan till IMY'],
    [['--occurred', '2026-04-03', '--imy-notified', '2026-04-04 10:00'], '--imy-notified: anmälan till IMY kräver att tidpunkten för kännedom'],
    [['--occurred', '2026-04-03', '--detected', '2026-04-03 10:00', '--imy-notified', '2026-04-04 10:00', '--not-notified', 'Låg risk'], '--not-notified: anmäld till IMY och beslut att inte anmäla kan inte båda gälla'],
    [['--occurred', '2026-04-03', '--detected', '2026-04-03 25:00'], "--detected: '2026-04-03 25:00': klockslaget finns inte"],
  ])('refuses %j with the field named, changing nothing', async (extra, message) => {
    const before = snapshot(join(ws, 'answers'));
    const r = await add('--service', 'visma-recruit', '--kind', 'pui', '--title', 'X', ...extra);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expect(snapshot(join(ws, 'answers'))).toEqual(before);
  });

  it('refuses CSIRT fields on a breach, an unknown kind and an unknown service', async () => {
    const before = snapshot(join(ws, 'answers'));
    const csirt = await add('--service', 'telefoni', '--kind', 'mi', '--title', 'X', '--occurred', '2026-02-01', '--detected', '2026-02-01 08:00', '--early-warning', '2026-02-01 09:00');
    expect(csirt.stderr).toContain('--early-warning: gäller bara betydande incidenter enligt cybersäkerhetslagen');
    expect((await add('--service', 'telefoni', '--kind', 'brand', '--title', 'X', '--occurred', '2026-02-01')).stderr).toContain("--kind: 'brand' är ingen incidenttyp");
    expect((await add('--service', 'okand', '--kind', 'mi', '--title', 'X', '--occurred', '2026-02-01')).stderr).toContain("--service: okänd tjänst 'okand'");
    expect(snapshot(join(ws, 'answers'))).toEqual(before);
  });

  it('imports a service desk CSV all or nothing, naming each bad row and column', async () => {
    const csv = (rows: string[]) => {
      const p = join(files, 'incidenter.csv');
      writeFileSync(p, ['Ärendenummer;Tjänst;Typ;Rubrik;Inträffad;Kännedom;Åtgärdad;Anmäld till IMY', ...rows].join('\r\n') + '\r\n');
      return p;
    };
    const before = snapshot(join(ws, 'answers'));
    const bad = await cli('incident', 'import', csv(['MI-1;telefoni;MI;Svarsgrupper nere;2026-01-10;2026-01-10 08:00;2026-01-10;', 'MI-2;telefoni;MI;4G-störning;2026-02-30;;;', 'PUI-1;visma-recruit;PUI;Fel mottagare;2026-03-01;2026-03-02 10:00;;2026-03-01 09:00']));
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/incidenter\.csv \(rad 3, kolumn 5 \(Inträffad\)\): '2026-02-30' är inget datum/);
    expect(bad.stderr).toMatch(/\(rad 4, kolumn 8 \(Anmäld till IMY\)\): anmälan till IMY .* kan inte vara före kännedom/);
    expect(snapshot(join(ws, 'answers'))).toEqual(before);
    const good = csv(['MI-1;telefoni;MI;Svarsgrupper nere;2026-01-10;2026-01-10 08:00;2026-01-10;', 'MI-2;telefoni;MI;4G-störning;2026-02-03;;;']);
    const dry = await cli('incident', 'import', good, '--dry-run');
    expect(dry.stdout).toContain('2 nya, 0 ändrade, 0 oförändrade incidenter (provkörning: ingenting skrevs)');
    expect(snapshot(join(ws, 'answers'))).toEqual(before);
    expect((await cli('incident', 'import', good)).code).toBe(0);
    expect((await cli('incident', 'import', good)).stdout).toContain('0 nya, 0 ändrade, 2 oförändrade');
  });
});

describe('rules read the register', () => {
  it('a breach notified to IMY after 72 hours without a reason is a stor gap, on the service and for the DSO', async () => {
    await add('--service', 'visma-recruit', '--kind', 'pui', '--title', 'Attack', '--occurred', '2026-04-03', '--detected', '2026-04-07 09:00', '--imy-notified', '2026-04-11 15:00');
    const list = await actions('visma-recruit');
    expect(list.find((a) => a.rule === 'INC-pui-anmald-sent-utan-skal')).toMatchObject({ severity: 'stor' });
    expect(await rules('organisation')).toContain('KP2-pui-anmald-sent-utan-skal');
    await cli('incident', 'set', '2026-001', '--delay-reason', 'Leverantören underrättade först efter fyra dygn');
    expect(await rules('visma-recruit')).not.toContain('INC-pui-anmald-sent-utan-skal');
  });

  it('a breach notified within 72 hours is silent; one without any decision is a gap until it is documented', async () => {
    await add('--service', 'visma-recruit', '--kind', 'pui', '--title', 'I tid', '--occurred', '2026-04-03', '--detected', '2026-04-03 09:00', '--imy-notified', '2026-04-05 09:00');
    expect(await rules('visma-recruit')).not.toContain('INC-pui-anmald-sent-utan-skal');
    await add('--service', 'visma-recruit', '--kind', 'pui', '--title', 'Obeslutad', '--occurred', '2026-05-03', '--detected', '2026-05-03 09:00');
    expect(await rules('visma-recruit')).toContain('INC-pui-beslut-saknas');
    await cli('incident', 'set', '2026-002', '--not-notified', 'Ingen risk för de registrerade: krypterat och återkallat inom en timme');
    expect(await rules('visma-recruit')).not.toContain('INC-pui-beslut-saknas');
  });

  it('a significant incident reported late to the CSIRT unit is stor; a missing final report after a month is a gap', async () => {
    await add('--service', 'ubw-agresso', '--kind', 'betydande', '--title', 'Ransomware i driftmiljön', '--occurred', '2026-03-01', '--detected', '2026-03-01 08:00', '--early-warning', '2026-03-02 14:00', '--notification', '2026-03-03 12:00');
    const list = await rules('ubw-agresso');
    expect(list).toContain('INC-betydande-rapporterad-sent');
    expect(list).toContain('INC-betydande-slutrapport-saknas');
    await cli('incident', 'set', '2026-001', '--early-warning', '2026-03-01 18:00', '--final-report', '2026-03-30');
    const after = await rules('ubw-agresso');
    expect(after).not.toContain('INC-betydande-rapporterad-sent');
    expect(after).not.toContain('INC-betydande-slutrapport-saknas');
  });

  it('three major incidents in twelve months on a service with availability class 3 or higher is stor, read from the register', async () => {
    // A typed count says 0; the register covers the period and says 3.
    await cli('answer', '--year', '2026', '--service', 'ubw-agresso', 'DRI.4=0');
    await cli('answer', '--year', '2026', '--service', 'telefoni', 'DRI.4=0');
    for (const [service, day] of [['ubw-agresso', '2026-01-10'], ['ubw-agresso', '2026-02-14'], ['ubw-agresso', '2026-03-20'], ['telefoni', '2025-12-01']] as const) {
      expect((await add('--service', service, '--kind', 'mi', '--title', 'Störning', '--occurred', day, '--resolved', day)).code).toBe(0);
    }
    const ubw = await actions('ubw-agresso');
    expect(ubw.find((a) => a.rule === 'DRI-manga-allvarliga-incidenter')).toMatchObject({ severity: 'stor' });
    const score = JSON.parse((await cli('show', '--year', '2026', '--service', 'ubw-agresso', '--json')).stdout) as { answers: Record<string, { value: unknown }> };
    expect(score.answers['DRI.4']?.value).toBe(0); // the typed answer is kept; the register decides
    // Two years' files cover the window of telefoni: one MI, not three.
    expect(await rules('telefoni')).not.toContain('DRI-manga-allvarliga-incidenter');
  });

  it('a register that does not cover the twelve months leaves the typed count in force', async () => {
    // The example's register covers 2023–2025; take 2025's away so the window has a hole.
    rmSync(join(ws, 'answers/incidents/2025.json'));
    await cli('answer', '--year', '2026', '--service', 'ubw-agresso', 'DRI.4=5');
    await add('--service', 'ubw-agresso', '--kind', 'mi', '--title', 'Störning', '--occurred', '2026-03-20');
    // The window reaches into 2025, which has no incident file: the typed 5 counts.
    expect(await rules('ubw-agresso')).toContain('DRI-manga-allvarliga-incidenter');
  });
});

describe('assess and the register', () => {
  it('shows a count question as answered from the register instead of asking it', async () => {
    for (const day of ['2025-07-01', '2026-01-10', '2026-02-14']) await add('--service', 'ubw-agresso', '--kind', 'mi', '--title', 'Störning', '--occurred', day);
    const t = new Terminal(['assess', '--year', '2026', '--service', 'ubw-agresso', '--control', 'DRI', '--all'], ws, env);
    await t.expect('DRI.1');
    for (let i = 0; i < 3; i++) {
      await t.expect(/❯/);
      t.write(KEY.enter);
      await new Promise((r) => setTimeout(r, 150));
    }
    await t.expect('från incidentregistret: 3');
    t.write(KEY.ctrlC);
    await t.exited;
  });
});
