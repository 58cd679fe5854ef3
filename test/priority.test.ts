import { describe, expect, it } from 'vitest';
import { highestAspect, priorityOf, priorityPoints, whyOf, type PriorityFactors } from '../src/plan/priority.js';
import { sortActions, type Action } from '../src/plan/actions.js';

const level = (n: number) => ({ K: n, R: 1, T: 1, S: 1, max: n });
const base: PriorityFactors = { severity: 'liten', legal: false, classification: level(1), focus: false };

describe('priority', () => {
  it('starts from the severity: stor 2, mellan 3, liten 4', () => {
    expect(priorityOf({ ...base, severity: 'stor' })).toBe(2);
    expect(priorityOf({ ...base, severity: 'mellan' })).toBe(3);
    expect(priorityOf(base)).toBe(4);
  });

  it('rises with a legal requirement', () => {
    expect(priorityPoints({ ...base, legal: true }) - priorityPoints(base)).toBe(1);
    expect(priorityOf({ ...base, severity: 'stor', legal: true, classification: level(3) })).toBe(1);
  });

  it('rises with the information classification, more at level 4', () => {
    expect(priorityPoints({ ...base, classification: level(3) }) - priorityPoints(base)).toBe(1);
    expect(priorityPoints({ ...base, classification: level(4) }) - priorityPoints(base)).toBe(2);
    expect(priorityOf({ ...base, severity: 'mellan', classification: level(4) })).toBe(2);
  });

  it('rises when the gap recurs from last year', () => {
    expect(priorityOf({ ...base, severity: 'mellan', recurringSince: 2024 })).toBe(2);
    expect(priorityOf({ ...base, severity: 'stor', recurringSince: 2024 })).toBe(1);
  });

  it('rises on a DSO focus control point', () => {
    expect(priorityOf({ ...base, legal: true, focus: true })).toBe(3);
  });

  it('combines every factor up to priority 1, even for a liten gap', () => {
    expect(priorityOf({ severity: 'liten', legal: true, classification: level(4), recurringSince: 2023, focus: true })).toBe(1);
  });

  it('explains itself', () => {
    expect(whyOf({ severity: 'stor', legal: true, classification: { K: 3, R: 2, T: 3, S: 1, max: 3 }, recurringSince: 2024, focus: false })).toBe(
      'stor · lagkrav · K3 · återkommande sedan 2024',
    );
    expect(whyOf({ ...base, focus: true })).toBe('liten · fokusområde');
    expect(highestAspect({ K: 2, R: 4, T: 4, S: 1, max: 4 })).toBe('R4');
  });
});

describe('sortActions', () => {
  const action = (over: Partial<Action>): Action =>
    ({ id: 'x', priority: 2, severity: 'stor', service: 'a', rule: 'r', effect: { control: 0, service: 0 }, ...over }) as Action;

  it('orders by priority, then severity, service and rule, deterministically', () => {
    const list = [
      action({ id: '4', priority: 3 }),
      action({ id: '3', service: 'b' }),
      action({ id: '2', severity: 'mellan' }),
      action({ id: '1', rule: 'q' }),
      action({ id: '0' }),
    ];
    expect(sortActions(list).map((a) => a.id)).toEqual(['1', '0', '3', '2', '4']);
  });

  it('orders by effect within a priority on request', () => {
    const list = [action({ id: 'small', effect: { control: 5, service: 1 } }), action({ id: 'big', service: 'z', effect: { control: 20, service: 3 } })];
    expect(sortActions(list).map((a) => a.id)).toEqual(['small', 'big']);
    expect(sortActions(list, true).map((a) => a.id)).toEqual(['big', 'small']);
  });
});
