import typescript from '@rollup/plugin-typescript';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';

// The modules a frontend team imports. Their folders are kept in dist/ (dist/src, dist/components, …)
// so each .d.ts sits beside its .js.
const entries = ['src/index.ts'];

const library = {
  input: entries,
  output: { dir: 'dist', format: 'es', preserveModules: true, preserveModulesRoot: '.', sourcemap: true },
  // Dependencies stay external: the team's bundler shares them with the rest of the page.
  external: (id) => /^(lit|@lit\/|ky)(\/|$)/.test(id) || id.startsWith('node:'),
  plugins: [
    typescript({
      tsconfig: './tsconfig.json',
      include: ['src/**/*.ts', 'components/**/*.ts', 'demo/backend/**/*.ts'],
      exclude: ['test/**', 'demo/*.ts'],
      compilerOptions: { noEmit: false, declaration: true, declarationDir: 'dist', outDir: 'dist', rootDir: '.' },
    }),
  ],
};

export default [library];
