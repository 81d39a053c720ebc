import { describe, expect, it } from 'vitest';
import { createUnitSchema } from '../../src/shared/units';
import { generateEvents, generateUnits, SCALE } from './scale';

describe('benchmark data at scale', () => {
  it('is the same for the same seed and different for another', () => {
    expect(generateUnits(50)).toEqual(generateUnits(50));
    expect(generateUnits(50, 1)).not.toEqual(generateUnits(50, 2));
    expect(generateEvents(5)).toEqual(generateEvents(5));
  });

  it('produces valid, distinct units in the L mix', () => {
    const units = generateUnits(SCALE.L.units);
    expect(units).toHaveLength(2_000);
    expect(new Set(units.map((u) => u.name)).size).toBe(2_000);
    for (const unit of units) expect(createUnitSchema.safeParse(unit).success).toBe(true);
    const communes = units.filter((u) => u.kind === 'commune').length;
    expect(communes).toBeGreaterThan(1_300);
    expect(communes).toBeLessThan(1_500);
  });
});

describe('the 60 KB plan of the plan-parse scenario', () => {
  it('is at least 60 KB and parses whole: every added group, program item and district task', async () => {
    const { largePlan } = await import('../scenarios/plan-parse');
    const { parsePlan } = await import('../../src/server/plans/parser/parse-plan');
    const text = largePlan();
    expect(Buffer.byteLength(text)).toBeGreaterThanOrEqual(60 * 1024);
    const draft = parsePlan(text);
    const added = draft.composition[3]!.children;
    expect(draft.composition).toHaveLength(5);
    expect(added.length).toBeGreaterThan(50);
    expect(added.every((g) => g.count !== null)).toBe(true);
    expect(draft.tasks).toHaveLength(7 + added.length);
    expect(draft.program.find((p) => p.title === 'Tham luận của các huyện')?.children).toHaveLength(
      added.length,
    );
  });
});
