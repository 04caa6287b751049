import pkg from '../package.json' with { type: 'json' };

/** The package version, read from package.json so that it cannot drift. */
export const VERSION: string = pkg.version;
