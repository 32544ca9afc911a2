export function installCommand(packages: readonly string[]): string;
export function missingPackages(requiredFiles: readonly { file: string; pkg: string }[]): string[];
export function packageVersion(pkg: string): string | undefined;
export function ensureDebianPackages(need: {
  /** Starts the error message, e.g. "Browser engines missing". */
  purpose: string;
  /** What apt-get installs (all of them, so versions stay consistent). */
  packages: readonly string[];
  /** The packages still missing; called before and after installing. */
  missing: () => string[];
  /** A last line for the error, e.g. another way to get the tool. */
  alternative?: string;
}): void;
