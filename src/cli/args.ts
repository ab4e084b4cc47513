/** The value after `--name` on the command line, if given (the CLIs' one way to read options). */
export function option(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}
