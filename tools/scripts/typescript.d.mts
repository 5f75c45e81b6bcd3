/** TypeScript 7.0's `tsc` (root devDependency `typescript-7`, an alias of typescript@7.0.2): run it with `node`. */
export declare const TSC7: string;
/** TypeScript 5.9's `tsc` (root devDependency `typescript`): run it with `node`. */
export declare const TSC5: string;
