import { createRequire } from 'node:module';
import type { ParseError } from 'jsonc-parser';
import { UserInputError } from '../model/errors.js';

/** jsonc-parser is loaded only when a file fails to parse (it is not needed otherwise; start-up stays short). */
const require = createRequire(import.meta.url);
const tolerantParser = () => require('jsonc-parser') as typeof import('jsonc-parser');

/** Line and column (1-based) of a character offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lastBreak = -1;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lastBreak = i;
    }
  }
  return { line, column: offset - lastBreak };
}

/** "CloseBraceExpected" -> "close brace expected". */
const plain = (code: string) => code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();

/**
 * Parses JSON text (a leading BOM is allowed). Strict JSON: no comments, no trailing commas, no NaN.
 * A syntax error becomes one UserInputError naming file:line:column and what the parser expected
 * there, located by jsonc-parser (JSON.parse's own messages carry no position on Node 20).
 * `hint` says what the file should be.
 */
export function parseJsonText(text: string, file: string, hint: string): unknown {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') throw new UserInputError(`${file}: the file is empty; ${hint}`);
  try {
    return JSON.parse(body);
  } catch {
    const { visit, printParseErrorCode } = tolerantParser();
    // the first problem is enough: the scan stops there (a 100 MB file that is wrong at its second character is not read through)
    let first: ParseError | undefined;
    const stop = new Error('first error found');
    try {
      visit(
        body,
        {
          onError: (error, offset, length) => {
            first = { error, offset, length };
            throw stop;
          },
        },
        { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false },
      );
    } catch (error) {
      if (error !== stop) throw error;
    }
    if (!first) throw new UserInputError(`${file}: not valid JSON; ${hint}`);
    const end = body.trimEnd().length;
    // cut off: the first problem is at the end, or a string, number or comment never ends
    const atEnd = first.offset >= end || /^UnexpectedEndOf/.test(printParseErrorCode(first.error));
    const { line, column } = lineColumn(body, Math.min(first.offset, body.trimEnd().length));
    const what = atEnd ? 'the file ends before the JSON is complete: is it truncated?' : plain(printParseErrorCode(first.error));
    throw new UserInputError(`${file}:${line}:${column}: not valid JSON (${what}); ${hint}`);
  }
}
