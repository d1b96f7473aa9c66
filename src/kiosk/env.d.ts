interface ImportMetaEnv {
  /** The kiosk's version, `<package version>+<build time>`, set by vite.config.ts. */
  readonly VITE_APP_VERSION?: string;
}
