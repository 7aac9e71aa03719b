import { describe, expect, it } from 'vitest';
import { heapGrowthFlag } from './heap.ts';

describe('heap growth', () => {
  it('bounds growth to half again the live set unless node was told otherwise', () => {
    expect(heapGrowthFlag([])).toBe('--heap-growing-percent=50');
    expect(heapGrowthFlag(['--enable-source-maps'])).toBe('--heap-growing-percent=50');
    expect(heapGrowthFlag(['--heap-growing-percent=100'])).toBeNull();
    expect(heapGrowthFlag(['--heap_growing_percent=20'])).toBeNull();
  });
});
