/**
 * The names of the environment a process runs in, and of the flags that say development or production. Each
 * pattern is tested against one whole name or dotted name read from the AST.
 */

/** A name that holds the running environment: `process.env.NODE_ENV`, `config.env`, `import.meta.env.MODE`. */
export const ENV_EXPR = /(^|\.)(NODE_ENV|APP_ENV|ENV|ENVIRONMENT|env|environment|nodeEnv|appEnv|mode|MODE)$/;
/** A flag or value that means development: `isDev`, `development`, `exposeErrors`, `__DEV__`. */
export const DEV_NAME = /^(is_?)?(dev|development|debug|local|dev_?mode|debug_?mode|expose_?errors?|show_?errors?|expose_?stack|show_?stack|include_?stack|verbose_?errors?|__dev__)$/i;
/** A flag or value that means production: `isProd`, `production`, `inProduction`. */
export const PROD_NAME = /^(is_?)?(prod|production|prod_?mode|in_?production)$/i;
