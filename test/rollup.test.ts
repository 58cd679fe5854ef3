import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, readJson, removeDir, run, snapshot, tempDir, writeJson } from './helpers.js';

/** Issue 15: many organisations, one city. Members are read, never written. */

let root: string;
const city = () => join(root, 'staden');
const member = (name: string) => join(root, name);
const cli = (...args: string[]) => run(['--dir', city(), ...args]);

function makeMember(name: string, organisation: string, id?: string): void {
  cpSync(join(ROOT, 'answers'), join(member(name), 'answers'), { recursive: true });
  for (const file of [join(member(name), 'answers', 'services.json'), join(member(name), 'answers', 'register', '2024.json'), join(member(name), 'answers', 'register', '2025.json')]) {
    const d = readJson<{ organisation: { name: string; id?: string } }>(file);
    d.organisation.name = organisation;
    if (id) d.organisation.id = id;
    writeJson(file, d);
  }
}

beforeEach(() => {
  root = tempDir('efterlev-rollup-');
  makeMember('intraservice', 'Exempelstaden – Intraservice', 'intraservice');
  makeMember('skola', 'Exempelstaden – Skolförvaltningen', 'skola');
  mkdirSync(city());
});
afterEach(() => removeDir(root));

describe('efterlev rollup', () => {
  it('shows the city-wide picture with a breakdown per organisation, writing nothing in the members', async () => {
    const before = { a: snapshot(member('intraservice')), b: snapshot(member('skola')) };
    const init = await cli('rollup', 'init', '--name', 'Exempelstaden', '--member', member('intraservice'), '--member', member('skola'));
    expect(init.code, init.stderr).toBe(0);
    expect(readJson<{ members: { path: string }[] }>(join(city(), 'rollup.json')).members).toEqual([{ path: '../intraservice' }, { path: '../skola' }]);
    const o = JSON.parse((await cli('rollup', 'overview', '--year', '2025', '--json')).stdout) as {
      city: { checklists: { checklist: string; score: number; assessed: number }[] };
      organisations: { id: string; checklists: { checklist: string; score: number; assessed: number }[]; actions: number }[];
    };
    expect(o.organisations.map((x) => x.id)).toEqual(['intraservice', 'skola']);
    const itsak = (x: { checklists: { checklist: string; score: number; assessed: number }[] }) => x.checklists.find((c) => c.checklist === 'itsak')!;
    expect(itsak(o.city).assessed).toBe(itsak(o.organisations[0]!).assessed + itsak(o.organisations[1]!).assessed);
    expect(itsak(o.city).score).toBe(itsak(o.organisations[0]!).score); // identical members: the mean is the same
    const actions = JSON.parse((await cli('rollup', 'actions', '--year', '2025', '--json')).stdout) as { actions: { id: string }[] };
    expect(actions.actions.length).toBe(o.organisations[0]!.actions + o.organisations[1]!.actions);
    expect(new Set(actions.actions.map((a) => a.id)).size).toBe(actions.actions.length);
    expect(actions.actions.some((a) => a.id.startsWith('skola/'))).toBe(true);
    const out = join(root, 'stad.csv');
    expect((await cli('rollup', 'export', '--year', '2025', '--format', 'csv', '--out', out)).code).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('skola/formansportalen:');
    const report = await cli('rollup', 'report', '--year', '2025');
    expect(report.stdout).toContain('Exempelstaden – Skolförvaltningen');
    expect(report.stdout).toContain('KONFIDENTIELLT');
    expect(snapshot(member('intraservice'))).toEqual(before.a);
    expect(snapshot(member('skola'))).toEqual(before.b);
  });

  it('judges each member by its own catalogue version', async () => {
    // The school uses an older catalogue of its own, without the rules on access reviews.
    cpSync(join(ROOT, 'checklists'), join(member('skola'), 'checklists'), { recursive: true });
    cpSync(join(ROOT, 'rules'), join(member('skola'), 'rules'), { recursive: true });
    const beh = readJson<{ rules: { name: string }[] }>(join(member('skola'), 'rules', 'itsak', 'BEH.json'));
    const kept = beh.rules.slice(0, 1);
    writeJson(join(member('skola'), 'rules', 'itsak', 'BEH.json'), { ...beh, rules: kept });
    await cli('rollup', 'init', '--member', member('intraservice'), '--member', member('skola'));
    const actions = JSON.parse((await cli('rollup', 'actions', '--year', '2025', '--json')).stdout) as { actions: { id: string; rule: string }[] };
    const beh2 = (org: string) => actions.actions.filter((a) => a.id.startsWith(`${org}/`) && a.rule.startsWith('BEH-') && !kept.some((k) => k.name === a.rule));
    expect(beh2('intraservice').length).toBeGreaterThan(0);
    expect(beh2('skola')).toEqual([]);
  });

  it('refuses members with clashing organisation ids, naming both', async () => {
    makeMember('skola2', 'Skolan igen', 'skola');
    const r = await cli('rollup', 'init', '--member', member('skola'), '--member', member('skola2'));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/organisations-id 'skola' finns i både .*skola och .*skola2/);
    writeFileSync(join(city(), 'rollup.json'), JSON.stringify({ name: 'Staden', members: [{ path: '../skola' }, { path: '../skola2' }] }));
    expect((await cli('rollup', 'overview', '--year', '2025')).code).toBe(2);
  });

  it('never finishes a member\'s interrupted write: it says so and leaves the member as it is', async () => {
    await cli('rollup', 'init', '--member', member('intraservice'), '--member', member('skola'));
    const journal = join(member('skola'), 'answers', '.journal');
    mkdirSync(journal, { recursive: true });
    writeFileSync(join(journal, '0123456789abcdef.json'), JSON.stringify({ id: '0123456789abcdef', pid: 1, at: '2025-11-01T10:00:00.000Z', entries: [] }));
    const before = snapshot(member('skola'));
    const r = await cli('rollup', 'overview', '--year', '2025');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('har en avbruten skrivning som inte är slutförd');
    expect(snapshot(member('skola'))).toEqual(before);
  });
});
