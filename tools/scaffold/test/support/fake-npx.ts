// A stand-in for `npx` on PATH, so the fast tests reach the install step without a registry:
// FAKE_NPX=404 fails as pnpm does when specforge's packages are not in the registry,
// FAKE_NPX=hang announces itself in FAKE_NPX_MARK and waits (for a signal to arrive); FAKE_NPX=writing
// too, with a process below it writing node_modules and a slow stop, as pnpm install's.
import { chmodSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export const PNPM_404 = " ERR_PNPM_FETCH_404  GET https://registry.npmjs.org/@specforge%2Fcodegen: Not Found - 404\n\nThis error happened while installing a direct dependency of /x\n\n@specforge/codegen is not in the npm registry, or you have no permission to fetch it.";

/** A folder to put first on PATH. */
export function fakeNpx(dir: string): string {
  const bin = join(dir, "fake-bin");
  mkdirSync(bin, { recursive: true });
  writeFileSync(
    join(bin, "npx"),
    `#!/bin/sh
echo "npx $*" >> "\${FAKE_NPX_LOG:-/dev/null}"
case "$FAKE_NPX" in
  404) mkdir -p node_modules/.pnpm; printf '%s\\n' ${JSON.stringify(PNPM_404)} >&2; exit 1 ;;
  hang) touch "$FAKE_NPX_MARK"; exec sleep 60 ;;
  # as pnpm: a process below npx keeps writing node_modules, and npx takes a while to stop.
  writing)
    ( while :; do mkdir -p node_modules/.pnpm/x; sleep 0.05; done ) &
    trap 'sleep 0.3; mkdir -p node_modules/late; exit 143' TERM
    touch "$FAKE_NPX_MARK"; wait; exit 1 ;;
esac
exit 0
`,
  );
  chmodSync(join(bin, "npx"), 0o755);
  return bin;
}
