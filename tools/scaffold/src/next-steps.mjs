// What to run once the scaffold is done. Without the install there is no lockfile yet, and the
// new README's `install --frozen-lockfile` refuses to run without one: the first install makes
// it, and it is committed with the rest (no git commit or release tag was made either).
const PNPM = "npx -y pnpm@12.4.2";

export function nextSteps({ dest, out, installed }) {
  if (installed) return `Created ${dest}. Next: cd ${out} && ${PNPM} start`;
  return [
    `Created ${dest} (files only: not installed, generated or committed). Next:`,
    `  cd ${out} && ${PNPM} install && ${PNPM} generate`,
    `  git init && git add -A && git commit -m "project created from its OpenAPI spec" && git tag v<info.version or 0.0.0>`,
    `  ${PNPM} start`,
    `(the first install writes pnpm-lock.yaml: commit it, as the README's install --frozen-lockfile needs it)`,
  ].join("\n");
}
