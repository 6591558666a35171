// A type declaration beside plugins: never a plugin.
export declare const meters: string[];
