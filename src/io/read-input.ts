import { readFile, stat } from 'node:fs/promises';
import { UserInputError } from '../model/errors.js';

/** Input files larger than this are refused before they are read (a scenario or price file is far smaller). */
export const MAX_INPUT_BYTES = 256 * 1024 * 1024;

/**
 * The largest file of each kind read whole: a scenario is a few hundred bytes, a site's telemetry a
 * few lines; a price file of every region and currency is tens of MB.
 */
export const MAX_BYTES_BY_KIND: Readonly<Record<string, number>> = {
  'scenario file': 1024 * 1024,
  'site telemetry file': 16 * 1024 * 1024,
  'price file': MAX_INPUT_BYTES,
};

/** Reads a UTF-8 text file the user named; a missing, oversized or unreadable file is a UserInputError. */
export async function readInputText(path: string, what: string): Promise<string> {
  const max = MAX_BYTES_BY_KIND[what] ?? MAX_INPUT_BYTES;
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw new UserInputError(`${path}: is a folder, not a ${what}`);
    if (info.size > max) throw new UserInputError(`${path}: ${info.size.toLocaleString('en')} bytes is too large for a ${what} (at most ${max.toLocaleString('en')})`);
    const bytes = await readFile(path);
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return text;
  } catch (error) {
    if (error instanceof UserInputError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new UserInputError(`${path}: no such file (the ${what} to read)`);
    if (code === 'EACCES') throw new UserInputError(`${path}: permission denied`);
    if (error instanceof TypeError) throw new UserInputError(`${path}: not UTF-8 text; save the ${what} as UTF-8`);
    throw new UserInputError(`${path}: cannot read the ${what}: ${(error as Error).message}`);
  }
}
