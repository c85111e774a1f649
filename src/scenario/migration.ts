import { VM_SIZES } from '../sizing/vm-sizes.js';
import { withOverrides, type Scenario } from './scenario.js';

const SOURCE = 'ConfigMgr 2609 migrates Av2 and B-series v1 CMG sizes to D*ads_v6 (../shared/docs/cmg-domain.md)';

/**
 * The scenario after the ConfigMgr 2609 move: the VM size replaced by its D*ads_v6 successor (a size
 * with none stays). A fixed capacity override stays as the user gave it.
 */
export function migrate2609(scenario: Scenario): Scenario {
  const successor = VM_SIZES[scenario.gateway.vmSize].successor;
  if (!successor) return scenario;
  return withOverrides(scenario, [
    { path: 'name', value: `${scenario.name} (after 2609: ${successor})`, source: `${SOURCE}: ${scenario.gateway.vmSize} -> ${successor}` },
    { path: 'gateway.vmSize', value: successor, source: `${SOURCE}: ${scenario.gateway.vmSize} -> ${successor}` },
  ]);
}
