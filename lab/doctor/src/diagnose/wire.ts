// The exchanges of one round, sent for real once each: engines that would send the same request
// share it, so a round costs what one browser costs, one connection at a time.
import type { BrowserEngine } from '@cors-lab/cors-predict';
import { sendExchange, type OutgoingRequest, type SendLimits } from '../send/send-exchange.js';
import type { CapturedExchange } from './types.js';

export interface ExchangeRequest extends OutgoingRequest {
  kind: CapturedExchange['kind'];
  hop: number;
  /** The Origin header among `headers`, `null` when none goes out. */
  origin: string | null;
}

export class Wire {
  private readonly sent = new Map<string, Promise<CapturedExchange>>();
  private readonly order: CapturedExchange[] = [];

  constructor(
    private readonly round: number,
    private readonly limits: SendLimits,
  ) {}

  /** Sends `request` for `engine`, or returns the answer another engine already got for it. */
  async send(engine: BrowserEngine, request: ExchangeRequest): Promise<CapturedExchange> {
    const key = JSON.stringify([
      request.kind,
      request.method,
      request.url,
      request.headers,
      request.body ? Buffer.from(request.body).toString('base64') : null,
    ]);
    let pending = this.sent.get(key);
    if (!pending) {
      pending = this.capture(request);
      this.sent.set(key, pending);
    }
    const exchange = await pending;
    if (!exchange.engines.includes(engine)) exchange.engines.push(engine);
    return exchange;
  }

  /** Every exchange of the round, in the order they were sent. */
  get exchanges(): readonly CapturedExchange[] {
    return this.order;
  }

  private async capture(request: ExchangeRequest): Promise<CapturedExchange> {
    const received = await sendExchange(request, this.limits);
    const exchange: CapturedExchange = {
      kind: request.kind,
      round: this.round,
      hop: request.hop,
      engines: [],
      method: request.method,
      url: request.url,
      origin: request.origin,
      requestHeaders: request.headers.map(([name, value]) => [name, value]),
      status: received.status,
      headers: received.headers,
      bodyBytes: received.bodyBytes,
      bodyTruncated: received.bodyTruncated,
    };
    this.order.push(exchange);
    return exchange;
  }
}
