/**
 * Imported first by every entry point of the package: on a Node.js older than
 * the floor, importing the package throws one error that names the Node.js it
 * needs, before any module calls an API that Node.js lacks.
 */
import { assertSupportedNode } from './supported-node.ts';

assertSupportedNode('@plugin-patterns/loader');
