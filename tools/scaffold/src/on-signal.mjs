// A scaffold stopped by Ctrl+C or a CI timeout's SIGTERM must leave nothing behind either, as a
// failure does: while `undo` is armed, those signals stop the running children, run it, and exit
// as a shell reports a signal (130, 143).
const CODES = { SIGINT: 130, SIGTERM: 143 };

/** Arms `undo` for SIGINT/SIGTERM; the returned `children` set is what to stop first. Call disarm() when done. */
export function undoOnSignal(undo) {
  const children = new Set();
  const handlers = Object.entries(CODES).map(([signal, code]) => {
    const handler = () => {
      for (const child of children) child.kill("SIGTERM");
      try {
        undo();
      } finally {
        process.exit(code);
      }
    };
    process.on(signal, handler);
    return () => process.off(signal, handler);
  });
  return { children, disarm: () => handlers.forEach((off) => off()) };
}
