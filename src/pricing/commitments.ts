/** How the CMG's VMs are paid for. Egress and storage are always pay-as-you-go. */
export type Commitment = 'payg' | '1y-reservation' | '3y-reservation' | '1y-savings-plan' | '3y-savings-plan';
export const COMMITMENTS: readonly Commitment[] = ['payg', '1y-reservation', '3y-reservation', '1y-savings-plan', '3y-savings-plan'];

/** Months in a reservation term: a reservation item's retailPrice is the whole term. */
export const TERM_MONTHS = { '1 Year': 12, '3 Years': 36 } as const;
export type Term = keyof typeof TERM_MONTHS;

export const RESERVATION_CHARGES = 'https://learn.microsoft.com/azure/cost-management-billing/manage/understand-vm-reservation-charges';

export function commitmentTerm(commitment: Exclude<Commitment, 'payg'>): Term {
  return commitment.startsWith('1y') ? '1 Year' : '3 Years';
}
