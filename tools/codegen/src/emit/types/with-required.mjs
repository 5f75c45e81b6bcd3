// openapi-typescript's WithRequired helper, made to accept a nullable schema.
import ts from "typescript";
import { stringToAST } from "openapi-typescript";

/**
 * openapi-typescript writes `WithRequired<components["schemas"]["PlaidError"], "error_type" | …>`
 * where an `allOf` lists required properties of a referenced schema, with the helper
 * `type WithRequired<T, K extends keyof T> = …`. When that schema is nullable (`X | null`), `keyof T`
 * is `never` and tsc rejects every use (TS2344; Plaid's spec, 3 errors). `required` constrains
 * objects only, so the helper now applies to the object members of `T` and leaves `null` as it is:
 * for a non-nullable object it is the same type as before. `K` is any key: in a request form
 * (read-write-forms.mjs) a required readOnly property is left out of `T`, and stays out.
 * @param {ts.Node[]} nodes — openapi-typescript's statements (the helper is replaced in place)
 * @returns {ts.Node[]}
 */
export function nullableWithRequired(nodes) {
  const at = nodes.findIndex((n) => ts.isTypeAliasDeclaration(n) && n.name.text === "WithRequired");
  if (at >= 0) nodes[at] = HELPER();
  return nodes;
}

const HELPER = () =>
  stringToAST("type WithRequired<T, K extends PropertyKey> = T extends object ? T & { [P in K & keyof T]-?: T[P] } : T;")[0];
