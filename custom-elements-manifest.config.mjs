// `npm run build` writes custom-elements.json from the element's JSDoc; it is never edited by hand.
import { posix } from 'node:path';

export default {
  globs: [
    'components/account-delete-panel/account-delete-panel.ts',
    'components/account-delete-panel/account-delete-panel.component.ts',
    'components/account-delete-dialog/account-delete-dialog.ts',
    'components/account-delete-dialog/account-delete-dialog.component.ts',
  ],
  outdir: '.',
  litelement: true,
  plugins: [
    {
      name: 'point-at-dist',
      // Tools read the manifest from the installed package, where the built files are, not the sources.
      packageLinkPhase({ customElementsManifest }) {
        // Every module path from the package root: "/components/…" and "./events.js" (a re-export) too.
        const toDist = (path, from) =>
          posix
            .normalize(path.startsWith('.') ? posix.join(posix.dirname(from), path) : path.replace(/^\//, ''))
            .replace(/^(components|src)\//, 'dist/$1/')
            .replace(/\.ts$/, '.js');
        for (const mod of customElementsManifest.modules) {
          const source = mod.path;
          mod.path = toDist(source, source);
          for (const ex of mod.exports ?? []) if (ex.declaration?.module) ex.declaration.module = toDist(ex.declaration.module, source);
        }
      },
    },
  ],
};
