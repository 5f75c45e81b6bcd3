/** `Application/JSON; charset=utf-8` → `application/json`: the type without its parameters. */
export const essence = (mediaType: string) => mediaType.toLowerCase().split(";")[0]!.replace(/\s+/g, "");

/** Whether a media range (`application/*`, `*\/*`, or a type) includes a media type. */
export function mediaCovers(range: string, mediaType: string): boolean {
  const [rt, rs] = essence(range).split("/");
  const [t, s] = essence(mediaType).split("/");
  return (rt === "*" || rt === t) && (rs === "*" || rs === s);
}

/** Whether a status range (`2XX`) includes another status (`201`). */
export function statusCovers(range: string, status: string): boolean {
  const r = range.toUpperCase();
  return /^[1-5]XX$/.test(r) && r !== status.toUpperCase() && status[0] === r[0];
}
