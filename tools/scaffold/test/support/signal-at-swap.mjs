// Preloaded (`node --import`) into a scaffold under test: sends the process SIGSIGNAL_AT_SWAP as
// the staging folder is renamed into place, so the signal is pending during synchronous work, as
// a `kill -TERM` that lands between two awaits is.
import fs from "node:fs";
import { syncBuiltinESMExports } from "node:module";

const signal = process.env.SIGNAL_AT_SWAP;
const renameSync = fs.renameSync;
fs.renameSync = (from, to) => {
  if (signal && /\.scaffold-\d+$/.test(String(from))) process.kill(process.pid, signal);
  return renameSync(from, to);
};
syncBuiltinESMExports();
