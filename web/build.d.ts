/** Bundles the pages under web/ into `outDir` (default dist/web). */
export function buildWebAssets(outDir?: string): Promise<void>;
