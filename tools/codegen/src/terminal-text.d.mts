/** `text` with every control character shown as an escape; `oneLine` escapes line feeds too. */
export declare function terminalText(text: string, oneLine?: boolean): string;

/** A message whose line structure is the tool's own (built by `message`, or holding no spec text). */
export declare class Message {
  readonly text: string;
  constructor(text: string);
  toString(): string;
}

/** A multi-line message: literal parts kept, every interpolated value quoted on one line (a Message kept as built). */
export declare function message(strings: TemplateStringsArray, ...values: unknown[]): Message;

/** The text of a problem: a Message as built, any other string on one line. */
export declare function messageText(problem: string | Message): string;

/** An unexpected error for a terminal: `Name: message` on one line, then its stack frames. */
export declare function errorText(err: unknown): string;
