import type { ExpectedOutcome } from '@cors-lab/scenarios';

/** An outcome as a labelled badge: the word carries the meaning, the colour only repeats it. */
export function Outcome({ value }: { value: ExpectedOutcome }) {
  return <span className={`outcome outcome-${value}`}>{value}</span>;
}
