/** The build's version, set by vite.config.ts; `dev` outside a build. */
export const APP_VERSION: string = import.meta.env.VITE_APP_VERSION ?? 'dev';
