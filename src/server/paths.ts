import { fileURLToPath } from 'node:url';

/**
 * The project folder. This module runs from src/server/ (tsx, tests) or from dist/server/ (the built server);
 * both are two levels below the project root.
 */
export const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));
