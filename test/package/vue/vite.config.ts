import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';

// The kit's tags are custom elements, not Vue components: Vue sets their properties and listens to their events.
export default defineConfig({
  plugins: [vue({ template: { compilerOptions: { isCustomElement: (tag) => tag.startsWith('account-delete-') } } })],
});
