export declare const OTS_OPTIONS: { silent: boolean; alphabetize: boolean; defaultNonNullable: boolean };
