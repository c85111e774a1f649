import { UserInputError } from '../model/errors.js';
import { AZURE_SIZE_NAME, VM_SIZE_NAMES, isVmSizeName, vmSizeOf, type VmSizeName } from '../sizing/vm-sizes.js';
import { withOverrides, type Override, type Scenario } from './scenario.js';

/**
 * The sizes of `--successor SIZE[,SIZE]`, checked: each one cmg-planner can size, none the scenario's own.
 * A what-if of the user's: Microsoft names no successor size for a CMG.
 */
export function parseSuccessors(text: string, current: VmSizeName): VmSizeName[] {
  const sizes = text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (!sizes.length) throw new UserInputError(`--successor: give one or more VM sizes, e.g. --successor ${VM_SIZE_NAMES.filter((s) => s !== current).join(',')}`);
  for (const size of sizes) {
    if (!isVmSizeName(size) && !AZURE_SIZE_NAME.test(size))
      throw new UserInputError(`--successor: "${size}" is not an Azure VM size name (Standard_D2as_v6, ...); cmg-planner knows ${VM_SIZE_NAMES.join(', ')}, and prices any size the price file has`);
    if (size === current) throw new UserInputError(`--successor: ${size} is the scenario's own size; name other sizes`);
  }
  return [...new Set(sizes)];
}

/**
 * The scenario on another VM size. Its clients per instance are the scenario's own
 * `gateway.clientsPerInstance`, else the size's published capacity, else (Microsoft publishes none for
 * most sizes) assumed equal to the current size's; the name says which, and so does the assumption's source.
 */
export function onSize(scenario: Scenario, size: VmSizeName): Scenario {
  const current = vmSizeOf(scenario.gateway.vmSize);
  const target = vmSizeOf(size);
  const given = scenario.gateway.clientsPerInstance;
  const overrides: Override[] = [{ path: 'gateway.vmSize', value: size, source: 'command line (--successor): a what-if of the user; Microsoft names no successor size for a CMG' }];
  let basis: string;
  if (given !== undefined) basis = `${given.toLocaleString('en')} clients per instance, from the scenario`;
  else if (!target.capacityAssumed) basis = `${target.clientsPerInstance.toLocaleString('en')} clients per instance, published`;
  else {
    basis = `${current.clientsPerInstance.toLocaleString('en')} clients per instance assumed, as ${current.name}`;
    overrides.push({
      path: 'gateway.clientsPerInstance',
      value: current.clientsPerInstance,
      source: `assumption: Microsoft publishes no CMG capacity for ${size}; taken equal to ${current.name}'s (${current.capacitySource})`,
    });
  }
  return withOverrides(scenario, [{ path: 'name', value: `${scenario.name} on ${size} (${basis})`, source: 'command line (--successor)' }, ...overrides]);
}
