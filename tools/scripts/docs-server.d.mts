// Types of docs-server.mjs, for the TypeScript tests and tools that start it.
export interface DocsServerOptions {
  /** Interface to bind (default "127.0.0.1"). */
  host?: string;
  /** Port (default 4011; 0 picks a free one). */
  port?: number;
  /** The HTML page to serve, read on every request (spec/dist/docs/index.html). */
  file: string;
  /** Inject a script that reloads the open page when the file changes (default false). */
  reload?: boolean;
}

export interface DocsServer {
  /** http://host:port of the running server. */
  url: string;
  close(): Promise<void>;
}

export function startDocsServer(options: DocsServerOptions): Promise<DocsServer>;
