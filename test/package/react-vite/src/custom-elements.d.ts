// The kit's tags in React 19's JSX, typed from its manifest: attributes, properties, `on<event>` handlers.
import type { CustomElements } from 'account-deletion-kit/jsx';

declare module 'react' {
  namespace JSX {
    // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- an interface merge
    interface IntrinsicElements extends CustomElements {}
  }
}
