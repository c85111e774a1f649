// Items in the Retail Prices API's own shape for the fake API: every meter the model uses, for a few
// regions, with the noise the real API has (Spot, Low Priority, DevTest, other storage meters).
import type { PriceItem } from '../src/pricing/price-item.js';
import { VM_SIZE_NAMES, type VmSizeName } from '../src/sizing/vm-sizes.js';

/** How the Retail Prices API names each size's product: the Linux meter's ("... Series"); Windows adds " Windows". */
const VM_PRICE_PRODUCT: Readonly<Record<VmSizeName, string>> = {
  Standard_B2s: 'Virtual Machines BS Series',
  Standard_A2_v2: 'Virtual Machines Av2 Series',
  Standard_A4_v2: 'Virtual Machines Av2 Series',
  Standard_D2ads_v6: 'Virtual Machines Dadsv6 Series',
  Standard_D4ads_v6: 'Virtual Machines Dadsv6 Series',
  Standard_D8ads_v6: 'Virtual Machines Dadsv6 Series',
};
import { blobItems, blobReadItem, egressItems, item, keyVaultItem, publicIpItem } from './prices.js';

const LINUX_EASTUS: Record<string, number> = {
  Standard_B2s: 0.0416,
  Standard_A2_v2: 0.0903,
  Standard_A4_v2: 0.191,
  Standard_D2ads_v6: 0.114,
  Standard_D4ads_v6: 0.228,
  Standard_D8ads_v6: 0.456,
};
const WINDOWS_UPLIFT_PER_VCPU = 0.023;
const VCPUS: Record<string, number> = { Standard_B2s: 2, Standard_A2_v2: 2, Standard_A4_v2: 4, Standard_D2ads_v6: 2, Standard_D4ads_v6: 4, Standard_D8ads_v6: 8 };

export function catalogFor(region: string, factor = 1): PriceItem[] {
  const where = { armRegionName: region, effectiveStartDate: '2025-06-01T00:00:00Z' };
  const items: PriceItem[] = [];
  for (const size of VM_SIZE_NAMES) {
    const linux = Number((LINUX_EASTUS[size]! * factor).toFixed(4));
    const windows = Number((linux + WINDOWS_UPLIFT_PER_VCPU * VCPUS[size]!).toFixed(4));
    const meter = size.replace(/^Standard_/, '').replace(/_/g, ' ');
    const product = VM_PRICE_PRODUCT[size];
    const vm = { ...where, serviceName: 'Virtual Machines', armSkuName: size, meterName: meter, skuName: meter, unitOfMeasure: '1 Hour' };
    const av2 = size.includes('_A');
    const plans = av2
      ? {}
      : {
          savingsPlan: [
            { unitPrice: Number((linux * 0.7).toFixed(4)), retailPrice: Number((linux * 0.7).toFixed(4)), term: '1 Year' },
            { unitPrice: Number((linux * 0.5).toFixed(4)), retailPrice: Number((linux * 0.5).toFixed(4)), term: '3 Years' },
          ],
        };
    items.push(item({ ...vm, productName: product, retailPrice: linux, ...plans }));
    items.push(item({ ...vm, productName: `${product} Windows`, retailPrice: windows }));
    items.push(item({ ...vm, productName: product, meterName: `${meter} Spot`, skuName: `${meter} Spot`, retailPrice: Number((linux * 0.1).toFixed(4)) }));
    items.push(item({ ...vm, productName: `${product} Windows`, meterName: `${meter} Low Priority`, skuName: `${meter} Low Priority`, retailPrice: Number((windows * 0.2).toFixed(4)) }));
    items.push(item({ ...vm, productName: product, type: 'DevTestConsumption', retailPrice: linux }));
    if (!av2) {
      items.push(item({ ...vm, productName: product, type: 'Reservation', reservationTerm: '1 Year', retailPrice: Number((linux * 8760 * 0.6).toFixed(2)) }));
      items.push(item({ ...vm, productName: product, type: 'Reservation', reservationTerm: '3 Years', retailPrice: Number((linux * 26280 * 0.4).toFixed(2)) }));
    }
  }
  items.push(
    ...egressItems(
      [
        [0, 0],
        [100, 0.087],
        [10340, 0.083],
        [51300, 0.07],
        [153700, 0.05],
      ],
      { ...where, meterId: '9995d93a-7d35-4d3f-9c69-7a7fea447ef4' },
    ),
  );
  // another bandwidth meter the model must not pick
  items.push(
    ...egressItems(
      [
        [0, 0],
        [100, 0.08],
      ],
      { ...where, productName: 'Rtn Preference: Internet', meterName: 'Standard Data Transfer Out' },
    ),
  );
  items.push(
    ...blobItems(
      'Hot',
      [
        [0, 0.0184 * factor],
        [51200, 0.0177 * factor],
        [512000, 0.017 * factor],
      ],
      where,
    ),
  );
  items.push(...blobItems('Hot', [[0, 0.0208 * factor]], { ...where, productName: 'Blob Storage' }));
  items.push(...blobItems('Cool', [[0, 0.01 * factor]], where));
  items.push(blobReadItem('Hot', 0.0044 * factor, where), blobReadItem('Cool', 0.01 * factor, where));
  items.push(publicIpItem(0.005, where));
  items.push(keyVaultItem(0.03, where));
  return items;
}
