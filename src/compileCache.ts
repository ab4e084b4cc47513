import * as nodeModule from 'node:module';

/**
 * Node 22's on-disk compile cache (module.enableCompileCache, Node >= 22.1): the second and later
 * starts reuse the compiled code of botbuilder, restify and our modules instead of compiling it
 * again, the largest part of start-up. Imported first by index.ts. On Node 20 it is absent and this
 * does nothing; where the cache folder is not writable Node carries on without it.
 */
const enable = (nodeModule as { enableCompileCache?: (dir?: string) => unknown }).enableCompileCache;
enable?.();
