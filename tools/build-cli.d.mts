// Types of tools/build-cli.mjs for the TypeScript that imports it (bench/, tools/).
export declare const outDir: string;
export declare const manifestPath: string;
export declare const entries: Record<string, string>;
export declare function buildCli(): Promise<void>;
export declare function isBuildFresh(): boolean;
