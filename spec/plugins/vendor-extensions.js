// Redocly plugin: teaches the linter/bundler the types of our vendor extensions, so that
// `$ref`s inside them are resolved, validated, counted as component usages
// (no-unused-components) and rewritten to `#/components/...` by `redocly bundle`.
//
// * `x-sse-event-schema` (on a Media Type Object): JSON Schema of the events of a
//   `text/event-stream` response. Each SSE event carries `event:` and a JSON `data:` line.
export default function vendorExtensionsPlugin() {
  return {
    id: 'platform-vendor-extensions',
    typeExtension: {
      oas3(types) {
        return {
          ...types,
          MediaType: {
            ...types.MediaType,
            properties: {
              ...types.MediaType.properties,
              'x-sse-event-schema': 'Schema',
            },
          },
        };
      },
    },
  };
}
