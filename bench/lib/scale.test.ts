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
