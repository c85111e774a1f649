import { Decimal } from '../model/money.js';
import type { Warning } from '../model/warning.js';
import type { VmSize } from './vm-sizes.js';
import { CLIENTS_PER_CONNECTION_POINT, HA_CONNECTION_POINTS, INSTANCES_PER_CONNECTION_POINT, MAX_INSTANCES_PER_GATEWAY } from './limits.js';

export interface SizingInput {
  readonly totalClients: number;
  /** Share of clients connected at the busiest time, 0 to 1. */
  readonly peakConcurrency: number;
  readonly vmSize: VmSize;
  /** Replaces the size's published capacity. */
  readonly clientsPerInstance?: number;
  /** Redundancy floor per CMG. */
  readonly minInstances: number;
  /** A fixed instance count instead of sizing (one CMG). */
  readonly fixedInstances?: number;
}

export interface GatewaySizing {
  readonly instances: number;
  readonly concurrentClients: number;
  readonly connectionPoints: number;
}

export interface Sizing {
  readonly concurrentClients: number;
  readonly clientsPerInstance: number;
  /** Instances the load needs, before the per-CMG cap and a fixed count. */
  readonly instancesNeeded: number;
  /** Instances over all CMGs. */
  readonly instances: number;
  readonly gateways: number;
  readonly perGateway: readonly GatewaySizing[];
  /** Connection points over all CMGs. */
  readonly connectionPoints: number;
  readonly warnings: readonly Warning[];
}

const ceilDiv = (a: number, b: number) => Math.ceil(a / b);

/** Splits a whole number into `parts` whole shares that differ by at most one, largest first. */
function splitEvenly(total: number, parts: number): number[] {
  if (parts === 1) return [total];
  const base = Math.floor(total / parts);
  const extra = total - base * parts;
  return Array.from({ length: parts }, (_, i) => base + (i < extra ? 1 : 0));
}

/**
 * ceil(clients x share), exactly: 1000 x 0.07 is 70, not the float 70.00000000000001 (which would ceil
 * to 71). The share is taken as the decimal it is written as; whole numbers are multiplied as
 * integers, and Decimal does it when they would not stay exact.
 */
export function ceilProduct(clients: number, share: number): number {
  if (share === 1 || share === 0) return clients * share;
  // far from a whole number, the float product's ceiling is the exact one (its error is below 1e-8 here)
  const product = clients * share;
  if (Math.abs(product - Math.round(product)) > 1e-6 && clients <= 1e8) return Math.ceil(product);
  const text = String(share);
  const point = text.indexOf('.');
  if (point > 0 && !text.includes('e')) {
    const scale = 10 ** (text.length - point - 1);
    const scaled = clients * Number(text.slice(0, point) + text.slice(point + 1));
    if (Number.isSafeInteger(scaled) && Number.isSafeInteger(scale)) {
      const whole = Math.floor(scaled / scale);
      return whole * scale < scaled ? whole + 1 : whole;
    }
  }
  return new Decimal(clients).times(share).ceil().toNumber();
}

/** Connection points one CMG needs: one per four instances, one per 16,384 clients, two for HA. */
export function connectionPointsFor(instances: number, concurrentClients: number): number {
  return Math.max(ceilDiv(instances, INSTANCES_PER_CONNECTION_POINT.value), ceilDiv(concurrentClients, CLIENTS_PER_CONNECTION_POINT.value), instances >= 2 ? HA_CONNECTION_POINTS.value : 1);
}

/**
 * A size whose series retires: when it retires and what the capacity restrictions mean now; louder
 * when the plan grows past its floor of instances (more quota) or needs another CMG.
 */
function retirementWarning(size: VmSize, grows: boolean, perGateway: readonly number[]): Warning {
  const r = size.retirement!;
  const now = `since July 2026 new subscriptions can't deploy ${r.series} and requests for more quota aren't approved`;
  if (!grows) return { code: 'size-retiring', message: `${size.name} (${r.series}) retires on ${r.retires}; ${now}. Source: ${r.source}` };
  const instances = perGateway.reduce((a, b) => a + b, 0);
  return {
    code: 'size-retiring-growth',
    message: `${size.name} (${r.series}) retires on ${r.retires}, and ${now}: this plan needs ${instances} instances${perGateway.length > 1 ? ` in ${perGateway.length} CMGs` : ''} of it, so check that your subscription's approved quota covers them, or plan on another size (--successor). Source: ${r.source}`,
  };
}

/** How many instances, CMGs and connection points carry the scenario's peak. Pure. */
export function sizeGateway(input: SizingInput): Sizing {
  const warnings: Warning[] = [];
  const size = input.vmSize;
  const clientsPerInstance = input.clientsPerInstance ?? size.clientsPerInstance;
  const concurrentClients = ceilProduct(input.totalClients, input.peakConcurrency);
  const forLoad = ceilDiv(concurrentClients, clientsPerInstance);
  const instancesNeeded = Math.max(forLoad, input.minInstances);
  const cap = MAX_INSTANCES_PER_GATEWAY.value;

  let perGatewayInstances: number[];
  if (input.fixedInstances !== undefined) {
    perGatewayInstances = [input.fixedInstances];
    if (input.fixedInstances < forLoad) {
      warnings.push({
        code: 'fixed-instances-undersized',
        message: `${input.fixedInstances} fixed instance${input.fixedInstances > 1 ? 's' : ''} of ${size.name} carry ${(input.fixedInstances * clientsPerInstance).toLocaleString('en')} clients, but ${concurrentClients.toLocaleString('en')} connect at peak: ${forLoad} are needed (over capacity the CMG still answers, with delay)`,
      });
    }
  } else {
    const gateways = ceilDiv(instancesNeeded, cap);
    perGatewayInstances = splitEvenly(instancesNeeded, gateways).map((n) => Math.max(n, input.minInstances));
    if (gateways > 1) {
      warnings.push({
        code: 'multiple-gateways',
        message: `${instancesNeeded} instances of ${size.name} are needed, more than the ${cap} one CMG holds: plan ${gateways} CMGs (each adds its own public IP, Key Vault and connection points), or a larger size`,
      });
    }
  }

  const concurrentSplit = splitEvenly(concurrentClients, perGatewayInstances.length);
  const perGateway = perGatewayInstances.map((instances, i) => {
    const clients = concurrentSplit[i]!;
    return { instances, concurrentClients: clients, connectionPoints: connectionPointsFor(instances, clients) };
  });

  if (size.role === 'lab') {
    warnings.push({
      code: 'lab-size',
      message: `${size.name} is the Lab size (${size.clientsPerInstance} clients per instance): not for production`,
    });
  }
  if (perGateway.some((g) => g.instances === 1)) {
    warnings.push({
      code: 'single-instance',
      message: 'a CMG with a single instance has no high availability: Microsoft recommends at least 2 instances and 2 connection points (set gateway.minInstances: 2)',
    });
  }
  if (size.capacityAssumed && input.clientsPerInstance === undefined) {
    warnings.push({ code: 'capacity-assumed', message: `${size.name}: ${size.capacitySource}` });
  }
  if (size.retirement) warnings.push(retirementWarning(size, forLoad > input.minInstances || perGatewayInstances.length > 1, perGatewayInstances));

  return {
    concurrentClients,
    clientsPerInstance,
    instancesNeeded,
    instances: perGateway.reduce((n, g) => n + g.instances, 0),
    gateways: perGateway.length,
    perGateway,
    connectionPoints: perGateway.reduce((n, g) => n + g.connectionPoints, 0),
    warnings,
  };
}
