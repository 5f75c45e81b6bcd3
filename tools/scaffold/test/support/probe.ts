/* eslint-disable @typescript-eslint/no-explicit-any -- a bundled spec read as plain JSON */
export interface Probe {
  path: string;
  headers: Record<string, string>;
}

/** A GET of the spec that needs no parameters, with whatever credentials its security names. */
export function probe(bundle: Record<string, any>): Probe | undefined {
  return probes(bundle)[0];
}

/** Every such GET, in the spec's order. */
export function probes(bundle: Record<string, any>): Probe[] {
  const found: Probe[] = [];
  for (const [path, item] of Object.entries<any>(bundle.paths ?? {})) {
    const op = item?.get;
    if (!op || path.includes("{")) continue;
    const deref = (p: any) => (typeof p?.$ref === "string" && p.$ref.startsWith("#/components/parameters/") ? bundle.components.parameters[p.$ref.split("/").pop()] : p);
    const params = [...(item.parameters ?? []), ...(op.parameters ?? [])].map(deref);
    // An OpenAPI 3.2 querystring object is its properties as query parameters: required ones count.
    const requiredInside = (p: any) => p?.in === "querystring" && Object.values<any>(p.content ?? {}).some((m) => m?.schema?.required?.length);
    if (params.some((p) => p === undefined || p.required || requiredInside(p))) continue;
    if (!Object.keys(op.responses ?? {}).some((s) => /^2/.test(s))) continue;
    const headers: Record<string, string> = { authorization: "Bearer scaffold-test" };
    for (const name of Object.keys((op.security ?? bundle.security ?? [])[0] ?? {})) {
      const s = bundle.components?.securitySchemes?.[name];
      if (s?.type === "apiKey" && s.in === "header") headers[String(s.name).toLowerCase()] = "scaffold-test";
      if (s?.type === "http" && String(s.scheme).toLowerCase() === "basic") headers.authorization = `Basic ${btoa("a:b")}`;
    }
    found.push({ path, headers });
  }
  return found;
}

