/** One kind of server, started once with every policy of the set, each under `/<policy name>/`. */
export interface ServerUnderTest {
  name: string;
  /** `http://127.0.0.1:<port>` */
  url: string;
  /** Policies this server cannot run, with the refusal that says why (e.g. a CorsExportError). */
  cannot: ReadonlyMap<string, string>;
  /**
   * True when the server sends `Vary: Origin` only on answers that allow the origin (flask_cors):
   * its Vary is then compared with the reference's on those answers alone.
   */
  varyOnlyWhenAllowed?: boolean;
  stop(): Promise<void>;
}
