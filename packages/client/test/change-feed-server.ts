import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { components } from "../src/index.js";

type Product = components["schemas"]["Product"];
type ProductChange = components["schemas"]["ProductChange"];
type ProductChangeFeed = components["schemas"]["ProductChangeFeed"];

/** A committed change: its position in commit order and the time it carries. */
export interface Committed {
  seq: number;
  at: string;
  change: ProductChange;
}

export interface WriterOptions {
  /** Writes in all, after which the catalog stops changing. */
  total: number;
  /** One write per tick of this many milliseconds (a writer that runs beside the sync). Default: none. */
  everyMs?: number;
  /** Writes committed right after each feed response is built, so every gap between pages has some. */
  perRequest: number;
}

const encodeCursor = (seq: number) => Buffer.from(JSON.stringify({ seq })).toString("base64url");
function decodeCursor(cursor: string): number | undefined {
  try {
    const seq = (JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as { seq?: unknown }).seq;
    return typeof seq === "number" && Number.isInteger(seq) && seq >= 0 ? seq : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A real node:http server of `GET /products/changes` as the spec describes it: changes in commit
 * order, `meta.next_cursor` as the watermark, `since` to start. Its timestamps are the hazards a
 * timestamp watermark falls into: one second per three writes (ties), and one write in five is
 * backdated four seconds, as a transaction that started earlier and committed late.
 */
export class ChangeFeedServer {
  readonly log: Committed[] = [];
  readonly products = new Map<string, Product>();
  /** The query of every feed request, and the sequence numbers each response carried. */
  readonly served: { query: URLSearchParams; seqs: number[] }[] = [];
  private readonly server: Server = createServer((req, res) => this.handle(req, res));
  private writes = 0;
  private budget = 0;
  private perRequest = 0;
  private timer: ReturnType<typeof setInterval> | undefined;
  private writerDone: (() => void) | undefined;
  private nextId = 1;
  private readonly epoch = Date.parse("2024-06-19T07:00:00Z");

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, "127.0.0.1", resolve));
    return this.url;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  close(): Promise<void> {
    clearInterval(this.timer);
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  /** Commits `n` writes at once (the catalog before a sync starts). */
  seed(n: number): void {
    for (let i = 0; i < n; i++) this.write();
  }

  /** Keeps writing beside the sync; resolves once `total` writes are committed. */
  writeDuringSync(options: WriterOptions): Promise<void> {
    this.budget = this.writes + options.total;
    this.perRequest = options.perRequest;
    return new Promise((resolve) => {
      this.writerDone = resolve;
      if (options.everyMs !== undefined) this.timer = setInterval(() => this.concurrentWrite(), options.everyMs);
    });
  }

  private concurrentWrite(): void {
    if (this.writes < this.budget) this.write();
    if (this.writes < this.budget) return;
    clearInterval(this.timer);
    this.writerDone?.();
  }

  /** One create, update or delete, chosen from the write number so runs repeat exactly. */
  write(): void {
    const n = ++this.writes;
    const second = Math.floor(n / 3) - (n % 5 === 3 ? 4 : 0);
    const at = new Date(this.epoch + second * 1000).toISOString();
    const ids = [...this.products.keys()];
    let change: ProductChange;
    if (ids.length < 4 || n % 3 === 0) {
      const product = this.product(`00000000-0000-4000-8000-${String(this.nextId++).padStart(12, "0")}`, n, at, at);
      change = { change_type: "created", product };
    } else if (n % 7 === 0) {
      const product_id = ids[n % ids.length]!;
      this.products.delete(product_id);
      change = { change_type: "deleted", product_id, deleted_at: at };
    } else {
      const old = this.products.get(ids[(n * 5) % ids.length]!)!;
      const product = this.product(old.id, n, old.created_at, at);
      change = { change_type: "updated", product, changed_fields: ["name", "stock"] };
    }
    if (change.change_type !== "deleted") this.products.set(change.product.id, change.product);
    this.log.push({ seq: this.log.length + 1, at, change });
  }

  private product(id: string, n: number, created: string, updated: string): Product {
    return {
      id,
      sku: `SKU-${id.slice(-4)}`,
      name: `Product ${id.slice(-4)}, write ${n}`,
      description: null,
      price: { amount: 1000 + n, currency: "EUR" },
      stock: n,
      tags: ["sync"],
      category: { id: "test", name: "Test", children: [] },
      attributes: {},
      weight_kg: 1,
      created_at: created,
      updated_at: updated,
    };
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const url = new URL(req.url ?? "/", this.url);
    if (req.method !== "GET" || url.pathname !== "/products/changes") return this.reply(res, 404, { error: { code: "NOT_FOUND", message: "No such route" } });
    const cursor = url.searchParams.get("cursor");
    const since = url.searchParams.get("since");
    const limit = Math.min(Number(url.searchParams.get("limit") ?? 20), 100);
    let candidates = this.log;
    if (cursor !== null) {
      const seq = decodeCursor(cursor);
      if (seq === undefined) return this.reply(res, 400, { error: { code: "BAD_REQUEST", message: "Invalid cursor" } });
      candidates = this.log.slice(seq);
    } else if (since !== null) {
      candidates = this.log.filter((c) => Date.parse(c.at) > Date.parse(since));
    }
    const page = candidates.slice(0, limit);
    const last = page.at(-1);
    // An empty page stays where it was asked to start: the cursor sent, or everything so far.
    const position = last?.seq ?? (cursor !== null ? decodeCursor(cursor)! : this.log.length);
    const body: ProductChangeFeed = {
      data: page.map((c) => c.change),
      meta: {
        next_cursor: encodeCursor(position),
        has_more: candidates.length > page.length,
        next_since: last?.at ?? since ?? this.log[position - 1]?.at ?? new Date(this.epoch).toISOString(),
      },
    };
    this.served.push({ query: url.searchParams, seqs: page.map((c) => c.seq) });
    this.reply(res, 200, body);
    // Other writers commit while the client works through this page.
    for (let i = 0; i < this.perRequest; i++) this.concurrentWrite();
  }

  private reply(res: ServerResponse, status: number, body: unknown): void {
    res.writeHead(status, { "content-type": "application/json", "x-request-id": `req-${this.served.length}` });
    res.end(JSON.stringify(body));
  }

  /** Responses whose last change shares its timestamp with the next response's first change. */
  tiesAcrossPages(): number {
    const atOf = (seq: number) => this.log[seq - 1]!.at;
    return this.served.filter((r, i) => {
      const next = this.served[i + 1]?.seqs[0];
      return r.seqs.length > 0 && next !== undefined && atOf(r.seqs.at(-1)!) === atOf(next);
    }).length;
  }

  /** The sequence number a cursor of this server stands for. */
  static seqOf(cursor: string): number | undefined {
    return decodeCursor(cursor);
  }
}
