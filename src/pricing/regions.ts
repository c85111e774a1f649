/**
 * Azure public regions (armRegionName) and the internet egress zone each is billed in.
 * Zones: https://azure.microsoft.com/pricing/details/bandwidth/ ; zone 1 North America and Europe,
 * zone 2 Asia and Oceania, zone 3 South America, Africa and the Middle East. The Retail Prices API
 * lists the egress meter per region, so the zone is only shown beside the estimate's assumptions.
 */
export type EgressZone = 1 | 2 | 3;

export const AZURE_REGIONS: Readonly<Record<string, EgressZone>> = {
  eastus: 1, eastus2: 1, centralus: 1, northcentralus: 1, southcentralus: 1, westcentralus: 1,
  westus: 1, westus2: 1, westus3: 1, canadacentral: 1, canadaeast: 1, mexicocentral: 1,
  northeurope: 1, westeurope: 1, uksouth: 1, ukwest: 1, francecentral: 1, francesouth: 1,
  germanywestcentral: 1, germanynorth: 1, switzerlandnorth: 1, switzerlandwest: 1,
  norwayeast: 1, norwaywest: 1, swedencentral: 1, polandcentral: 1, italynorth: 1, spaincentral: 1,
  southeastasia: 2, eastasia: 2, australiaeast: 2, australiasoutheast: 2, australiacentral: 2,
  australiacentral2: 2, japaneast: 2, japanwest: 2, koreacentral: 2, koreasouth: 2,
  centralindia: 2, southindia: 2, westindia: 2, jioindiawest: 2, jioindiacentral: 2,
  newzealandnorth: 2, indonesiacentral: 2, malaysiawest: 2,
  brazilsouth: 3, brazilsoutheast: 3, southafricanorth: 3, southafricawest: 3,
  uaenorth: 3, uaecentral: 3, qatarcentral: 3, israelcentral: 3,
  // Azure Government (prices from the same API, in the US Gov regions)
  usgovvirginia: 1, usgovarizona: 1, usgovtexas: 1,
};

export function egressZoneOf(region: string): EgressZone | undefined {
  return Object.prototype.hasOwnProperty.call(AZURE_REGIONS, region) ? AZURE_REGIONS[region] : undefined;
}

export function isKnownRegion(region: string): boolean {
  return egressZoneOf(region) !== undefined;
}
