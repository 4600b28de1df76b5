/** Real-n8n e2e harness: see test/e2e/README.md. */
export * from './n8nInstance';
export * from './package';
export * from './util';
export * from './versions';
export * from './queueMode';
export * from './services';
