/**
 * Source of msw.gen.ts's binary bodies: a tiny valid file for the common binary media types (an
 * <img> or a PDF viewer fed the fixture's placeholder text shows an error), and the decoded bytes
 * of a base64 ("format: byte") fixture. String.raw: no backticks or substitutions in it.
 */
export const BYTES_SOURCE = String.raw`
/** 1×1 images and a one-page PDF, base64: what a binary response of these types answers by default. */
const SAMPLE_FILES: Record<string, string> = {
  "image/png": "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGP4DwABAQEAsTj2FAAAAABJRU5ErkJggg==",
  "image/gif": "R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==",
  "image/jpeg": "/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQH/wAALCAABAAEBAREA/8QAHwAAAQUBAQEBAQEAAAAAAAAAAAECAwQFBgcICQoL/8QAtRAAAgEDAwIEAwUFBAQAAAF9AQIDAAQRBRIhMUEGE1FhByJxFDKBkaEII0KxwRVS0fAkM2JyggkKFhcYGRolJicoKSo0NTY3ODk6Q0RFRkdISUpTVFVWV1hZWmNkZWZnaGlqc3R1dnd4eXqDhIWGh4iJipKTlJWWl5iZmqKjpKWmp6ipqrKztLW2t7i5usLDxMXGx8jJytLT1NXW19jZ2uHi4+Tl5ufo6erx8vP09fb3+Pn6/9oACAEBAAA/ACv/2Q==",
  "application/pdf": "JVBERi0xLjQKMSAwIG9iago8PC9UeXBlL0NhdGFsb2cvUGFnZXMgMiAwIFI+PgplbmRvYmoKMiAwIG9iago8PC9UeXBlL1BhZ2VzL0tpZHNbMyAwIFJdL0NvdW50IDE+PgplbmRvYmoKMyAwIG9iago8PC9UeXBlL1BhZ2UvUGFyZW50IDIgMCBSL01lZGlhQm94WzAgMCA3MiA3Ml0+PgplbmRvYmoKeHJlZgowIDQKMDAwMDAwMDAwMCA2NTUzNSBmIAowMDAwMDAwMDA5IDAwMDAwIG4gCjAwMDAwMDAwNTQgMDAwMDAgbiAKMDAwMDAwMDEwNSAwMDAwMCBuIAp0cmFpbGVyCjw8L1NpemUgNC9Sb290IDEgMCBSPj4Kc3RhcnR4cmVmCjE2OAolJUVPRgo=",
};

function base64Bytes(text: string): Uint8Array {
  const binary = atob(text.replace(/\s+/g, ""));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

/** The bytes a binary fixture stands for, or undefined when it is not one (JSON, text). */
function fixtureBytes(route: Route, mediaType: string, fixture: unknown): Uint8Array | undefined {
  if (typeof fixture !== "string") return undefined;
  const type = mediaType.toLowerCase().split(";")[0]!.trim();
  if (route.base64?.includes(mediaType)) {
    try {
      return base64Bytes(fixture);
    } catch {
      return undefined;
    }
  }
  const sample = SAMPLE_FILES[type === "image/jpg" ? "image/jpeg" : type];
  return sample === undefined ? undefined : base64Bytes(sample);
}
`;
