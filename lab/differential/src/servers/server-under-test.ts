/** One kind of server, started once with every policy of the set, each under `/<policy name>/`. */
export interface ServerUnderTest {
  name: string;
  /** `http://127.0.0.1:<port>` */
  url: string;
  /** Policies this server cannot run, with the refusal that says why (e.g. a CorsExportError). */
  cannot: ReadonlyMap<string, string>;
  stop(): Promise<void>;
}
