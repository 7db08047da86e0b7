import type { Indicator } from '../domain/indicators';
import type { FlagCode } from './schemas';

/**
 * Which ILO forced-labour indicator (ILO 2012, "ILO indicators of forced
 * labour") each wage flag is evidence for. Card control and short pay are
 * withholding of wages; a debt that does not fall is debt bondage. Late pay
 * and fees are withholding too: the ILO lists delayed and reduced payment
 * under withholding of wages.
 */
export const FLAG_INDICATOR: Record<FlagCode, Indicator> = {
  below_floor: 'withholding_of_wages',
  below_contract: 'withholding_of_wages',
  no_payment: 'withholding_of_wages',
  late_payment: 'withholding_of_wages',
  deduction_not_in_contract: 'withholding_of_wages',
  deduction_above_share: 'withholding_of_wages',
  debt_not_falling: 'debt_bondage',
  fee_charged_to_worker: 'withholding_of_wages',
  rapid_withdrawal: 'withholding_of_wages',
  shared_terminal: 'withholding_of_wages',
  withdrawal_at_sea: 'withholding_of_wages',
  not_by_bank_transfer: 'withholding_of_wages',
};
