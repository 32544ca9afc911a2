/** A problem a person fixes (bad arguments, a target that is not safe to write, a template that refers to the lab). */
export class StarterError extends Error {
  /** @override */
  name = 'StarterError';
}
