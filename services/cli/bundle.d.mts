/** The bundled CLI's entry as a file URL: the current build when it is fresh, else a new one. */
export function bundledCli(): Promise<string>;
