// Ctrl+C that ends a long-running root script with exit code 0.
//
// pnpm 12 reports "[ELIFECYCLE] Command failed" (exit 130) whenever it receives SIGINT itself,
// even when the script then exits 0, and a terminal's Ctrl+C signals the whole foreground
// process group, pnpm included. So on a terminal the script reads Ctrl+C as a key instead (raw
// mode, as Vite's dev server does): no SIGINT is sent, the script stops its children and exits
// 0, and pnpm sees a clean exit. `q` stops it too. Off a terminal, SIGINT and SIGTERM stop it.

/** Calls `stop` once, on Ctrl+C or `q` at a terminal, or on SIGINT/SIGTERM. */
export function onInterrupt(stop) {
  let stopping = false;
  const once = () => {
    if (stopping) return;
    stopping = true;
    if (process.stdin.isTTY) {
      process.stdin.setRawMode(false);
      process.stdin.pause();
    }
    stop();
  };
  process.on("SIGINT", once);
  process.on("SIGTERM", once);
  if (process.stdin.isTTY) {
    process.stdin.setRawMode(true);
    process.stdin.on("data", (key) => {
      // Ctrl+C, Ctrl+D, q
      if (key[0] === 0x03 || key[0] === 0x04 || key.toString() === "q") once();
    });
    // Raw mode must not outlive the process, whatever ends it.
    process.on("exit", () => process.stdin.isTTY && process.stdin.setRawMode(false));
  }
}
