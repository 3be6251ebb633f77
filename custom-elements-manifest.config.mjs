// `npm run build` writes custom-elements.json from the element's JSDoc; it is never edited by hand.
export default {
  globs: ['components/account-delete-panel/account-delete-panel.ts', 'components/account-delete-panel/account-delete-panel.component.ts'],
  outdir: '.',
  litelement: true,
  plugins: [
    {
      name: 'point-at-dist',
      // Tools read the manifest from the installed package, where the built files are, not the sources.
      packageLinkPhase({ customElementsManifest }) {
        const toDist = (path) => path.replace(/^components\//, 'dist/components/').replace(/\.ts$/, '.js');
        for (const mod of customElementsManifest.modules) {
          mod.path = toDist(mod.path);
          for (const ex of mod.exports ?? []) if (ex.declaration?.module) ex.declaration.module = toDist(ex.declaration.module);
        }
      },
    },
  ],
};
