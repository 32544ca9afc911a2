export { freePort, freePorts } from './free-port.js';
export { lastModified } from './last-modified.js';
export { ProcessGroup, stopAll, stopAllOnSignals, type StartOptions } from './process-group.js';
export { headerValues, probeOnce, type HttpAnswer, type ProbeOptions } from './probe-once.js';
export { rawExchange, rawHeaderValues, type RawAnswer } from './raw-exchange.js';
