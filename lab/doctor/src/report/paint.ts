// ANSI colour for a terminal, nothing for a pipe or when NO_COLOR is set (https://no-color.org).

export interface Paint {
  bold: (text: string) => string;
  dim: (text: string) => string;
  red: (text: string) => string;
  green: (text: string) => string;
  yellow: (text: string) => string;
}

const wrap = (open: number, close: number) => (text: string) =>
  `\u001b[${open}m${text}\u001b[${close}m`;

export const COLOUR: Paint = {
  bold: wrap(1, 22),
  dim: wrap(2, 22),
  red: wrap(31, 39),
  green: wrap(32, 39),
  yellow: wrap(33, 39),
};

const same = (text: string) => text;
export const PLAIN: Paint = { bold: same, dim: same, red: same, green: same, yellow: same };

/** Colour only on a TTY and only without a non-empty NO_COLOR. */
export function paintFor(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv): Paint {
  return stream.isTTY && !env.NO_COLOR ? COLOUR : PLAIN;
}
