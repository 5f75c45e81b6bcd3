/** Pointers of every `$dynamicAnchor` of `doc`, by name (each list sorted). */
export declare function dynamicAnchorIndex(doc: unknown): Map<string, string[]>;
/** Where a `$dynamicRef` points whatever the dynamic scope (`target`), or the anchors the scope chooses from. */
export declare function staticDynamicRef(ref: string, anchorsOf: (name: string) => string[]): { target?: string; anchors: string[] };
