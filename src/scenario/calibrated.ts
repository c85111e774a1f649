import { parseDocument } from 'yaml';
import { parseScenario } from './load.js';

/** Scenario fields a calibration sets, and the figure for each. */
export type CalibratedFields = Readonly<Record<string, number>>;

/**
 * The scenario file's text with the calibrated figures written in (paths like
 * "traffic.managementMBPerClientMonth"), keeping every other line and comment as it was. A JSON
 * scenario stays JSON. The result is checked against the scenario format before it is returned.
 */
export function calibratedScenarioText(original: string, file: string, fields: CalibratedFields, note: string): string {
  const doc = parseDocument(original, { uniqueKeys: true });
  for (const [path, value] of Object.entries(fields)) doc.setIn(path.split('.'), value);
  const json = original.trimStart().startsWith('{');
  const text = json ? `${JSON.stringify(doc.toJS(), null, 2)}\n` : `# ${note}\n${doc.toString()}`;
  parseScenario(text, file);
  return text;
}
