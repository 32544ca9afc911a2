// --name: the starter under its own name, `@my-app/api` instead of `@cors-lab/api`.

/** The lab's name, as it appears in package scopes, image names and texts. */
const LAB_NAME = 'cors-lab';

/**
 * A name usable as an npm scope and package name: lowercase, digits, `-`, `.`, `_`.
 * @param {string} name
 */
export function validName(name) {
  return /^[a-z\d][a-z\d._-]*$/.test(name) && name.length <= 100;
}

/**
 * Every text file with `cors-lab` replaced by `name` (scopes `@cors-lab/…`, image names
 * `cors-lab-api`, prose); binary files as they are.
 * @param {ReadonlyMap<string, string | Buffer>} files
 * @param {string} name
 * @returns {Map<string, string | Buffer>}
 */
export function rename(files, name) {
  return new Map(
    [...files].map(([path, content]) => [
      path,
      typeof content === 'string' ? content.replaceAll(LAB_NAME, name) : content,
    ]),
  );
}
