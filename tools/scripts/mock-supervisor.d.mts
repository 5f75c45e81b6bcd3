// Types of mock-supervisor.mjs, for the TypeScript tests that start Prism through it.
export interface SuperviseMockOptions {
  /** The prism executable. */
  prismBin: string;
  /** Prism's arguments without host and port (`["mock", spec, "--cors"]`). */
  prismArgs: string[];
  /** Interface of the front server. */
  host: string;
  /** Port of the front server (0 picks a free one). */
  port: number | string;
  /** Each line Prism writes, with its own address replaced by the front's. */
  line(stream: "stdout" | "stderr", text: string): void;
  /** Called once, when the first Prism listens, with the front's URL. */
  ready(url: string): void;
  /** Restarts and failures, one line each. */
  say(text: string): void;
  /** The mock must end: Prism failed to start, or exited with no request sent to it. */
  exit(code: number): void;
}

export interface SupervisedMock {
  /** http://host:port of the front server. */
  url: string;
  /** Closes the front server and stops Prism. */
  stop(): Promise<void>;
}

export function superviseMock(options: SuperviseMockOptions): Promise<SupervisedMock>;

/** A free TCP port on loopback (the kernel picks it; it is released just before the caller binds it). */
export function freePort(): Promise<number>;
