// One figure from repeated measurements: the median, and how far the runs spread around it.

export interface Spread {
  median: number;
  min: number;
  max: number;
  /** (max − min) / median, in percent. */
  spreadPercent: number;
}

// The median shrugs off a run that something else on the machine disturbed.
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median() of no values: a case produced no runs.');
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

export function spreadOf(values: readonly number[], digits = 0): Spread {
  const mid = median(values);
  const min = Math.min(...values);
  const max = Math.max(...values);
  return {
    median: round(mid, digits),
    min: round(min, digits),
    max: round(max, digits),
    spreadPercent: round(((max - min) / mid) * 100, 1),
  };
}

export function round(value: number, digits: number): number {
  return Number(value.toFixed(digits));
}
