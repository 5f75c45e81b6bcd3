export declare const OTS_OPTIONS: { silent: boolean; alphabetize: boolean; defaultNonNullable: boolean };
/** openapi-typescript's transform + printer over an already loaded and bundled document (mutated); `fix` (default true) makes circular members compile. */
export declare function typesSource(document: object, options?: { fix?: boolean }): string;
