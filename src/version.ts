declare const __SPOOLRESCUE_VERSION__: string | undefined;

// The version printed by --version and written into incident files; set at build time from package.json.
export const VERSION: string = typeof __SPOOLRESCUE_VERSION__ === 'string' ? __SPOOLRESCUE_VERSION__ : '0.0.0-dev';
