export { diagnose, type DiagnoseOptions, type DiagnosisWithFix } from './diagnose/diagnose.js';
export { BODY_KINDS, type BodyKind, type DoctorBody } from './diagnose/body.js';
export type * from './diagnose/types.js';
export { ENGINES } from './diagnose/types.js';
export { STACKS, STACK_TITLES, type Stack, type StackChoice } from './fix/stack.js';
export { scan, type ProbeResult, type ScanReport } from './scan/scan.js';
export { UnreachableError, type UnreachableCause } from './send/unreachable.js';
export { main, EXIT } from './cli/main.js';
