import { fileURLToPath } from 'node:url';

/** The repository's data/ folder, found from this file rather than the working directory. */
export const DEFAULT_DATA_DIR = fileURLToPath(new URL('../../data/', import.meta.url));
