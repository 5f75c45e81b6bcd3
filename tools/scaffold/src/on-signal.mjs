// A scaffold stopped by Ctrl+C or a CI timeout's SIGTERM must leave nothing behind either, as a
// failure does: while `undo` is armed, those signals stop the running children (their whole
// process groups: pnpm below npx keeps writing node_modules otherwise), wait until they have
// exited, run it, and exit as a shell reports a signal (130, 143).
const CODES = { SIGINT: 130, SIGTERM: 143 };
/** How long children get to exit after SIGTERM before SIGKILL. */
const GRACE_MS = 5000;

/**
 * Arms `undo` for SIGINT/SIGTERM; `children` (spawned with `detached: true`, each its own process
 * group, removed once closed) are stopped first. `stopping()` says a signal is being handled: the
 * scaffold then goes no further. Call disarm() when done.
 */
export function undoOnSignal(undo) {
  const children = new Set();
  let stopping = false;
  const handlers = Object.entries(CODES).map(([signal, code]) => {
    const handler = async () => {
      if (stopping) return;
      stopping = true;
      try {
        await stopAll([...children]);
      } finally {
        try {
          undo();
        } finally {
          process.exit(code);
        }
      }
    };
    process.on(signal, handler);
    return () => process.off(signal, handler);
  });
  return { children, stopping: () => stopping, disarm: () => handlers.forEach((off) => off()) };
}

async function stopAll(children) {
  // Those in the set have not closed yet (the scaffold removes each on its close).
  const closed = Promise.all(children.map((child) => new Promise((done) => child.once("close", done))));
  const within = (ms) => Promise.race([closed.then(() => true), new Promise((done) => setTimeout(done, ms, false).unref())]);
  for (const child of children) kill(child, "SIGTERM");
  if (await within(GRACE_MS)) return;
  for (const child of children) kill(child, "SIGKILL");
  await within(1000);
}

function kill(child, signal) {
  try {
    process.kill(-child.pid, signal);
  } catch {
    try {
      child.kill(signal);
    } catch {}
  }
}
