import { describe, expect, it } from 'vitest';
import { runScenario } from '../src/run/runScenario.js';
import { input, scenario, strike } from './helpers.js';

const regions = ['Kharkiv Oblast', 'Sumy Oblast', 'Donetsk Oblast', 'Zaporizhzhia Oblast', 'Dnipropetrovsk Oblast'];
const places = regions.map((region) => ({
  name: region.replace(' Oblast', ''),
  region,
  kind: 'city' as const,
  precision: 'settlement' as const,
}));
const over = { start: '2026-02-01T00:00:00+02:00', end: '2026-02-02T00:00:00+02:00', places, munitions: { drones: { low: 400 } } };
const triggers = async (e: ReturnType<typeof strike>) =>
  (await runScenario(input([e], scenario()))).runs[0]!.findings.filter((f) => f.type === 'escalation-trigger').map((f) => f.rule);

describe('aggregate reports', () => {
  it('one act with 400 long-range drones across five regions is a broader attack', async () => {
    expect(await triggers(strike('one', over))).toEqual(['broader-attack']);
  });

  it('an aggregate report of many incidents over a day is not a broader attack, however its counts add up', async () => {
    expect(await triggers(strike('many', { ...over, incidents: { low: 2900, best: 2935 } }))).toEqual([]);
  });

  it('an aggregate report is still judged as violations: its incidents inside the window on protected places count', async () => {
    const r = await runScenario(input([strike('many', { ...over, incidents: { low: 2900 } })], scenario()));
    expect(r.runs[0]!.findings.some((f) => f.type === 'violation' && f.eventId === 'many')).toBe(true);
  });

  it('FPV drones do not count towards the broader-attack threshold, which counts long-range drones and missiles', async () => {
    expect(await triggers(strike('fpv', { ...over, munitions: { fpvDrones: { low: 3000 } } }))).toEqual([]);
  });
});
