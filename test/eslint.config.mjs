// Code that never ships: see ../eslint.dev.config.mjs.
export { default } from '../eslint.dev.config.mjs';
