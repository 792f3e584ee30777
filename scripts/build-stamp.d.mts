// Types for build-stamp.mjs (plain JavaScript so that bin/newsdesk can read it without tsx).
export declare const STAMP_FILE: string;
export declare function sourceStamp(root: string): string;
export declare function builtStamp(root: string): string | undefined;
export declare function buildIsFresh(root: string): boolean;
