/** `text` with every control character shown as an escape; `oneLine` escapes line feeds too. */
export declare function terminalText(text: string, oneLine?: boolean): string;
