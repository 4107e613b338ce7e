import gammaln from '@stdlib/math-base-special-gammaln';
import betaln from '@stdlib/math-base-special-betaln';
import hyp2f1 from '@stdlib/math-base-special-hyp2f1';
import {
  maximizeOverPositiveParameters,
  unfittable,
  type FitFailure,
  type FitOptions,
} from './maximum-likelihood';
import {
  compressRepeatPurchaseData,
  compressedBgNbdLogLikelihood,
  type BgNbdParams,
  type RepeatPurchaseData,
} from './bgnbd-likelihood';

export { bgNbdLogLikelihood, type BgNbdParams, type RepeatPurchaseData } from './bgnbd-likelihood';

/**
 * When `converged` is false (see `failure`) the parameters are finite but not an estimate:
 * do not publish predictions from them. Fall back to historical figures (observed spend and
 * purchase rate, RFM segments) and ask for more repeat-purchase history.
 */
export interface BgNbdFit {
  params: BgNbdParams;
  logLikelihood: number;
  converged: boolean;
  iterations: number;
  failure?: FitFailure;
}

// Fader, Hardie & Lee (2005), eq. 6 maximised over log-parameters.
export function fitBgNbd(data: RepeatPurchaseData, options: FitOptions & { start?: BgNbdParams } = {}): BgNbdFit {
  const compressed = compressRepeatPurchaseData(data);
  const start = options.start ?? startingPoint(data);
  const startVector = [start.r, start.alpha, start.a, start.b];
  const toParams = (v: ArrayLike<number>): BgNbdParams => ({ r: v[0], alpha: v[1], a: v[2], b: v[3] });

  let repeaters = 0;
  for (let i = 0; i < data.frequency.length; i++) if (data.frequency[i] > 0) repeaters++;
  const failure: FitFailure | undefined =
    data.frequency.length === 0 ? 'no-data' : repeaters === 0 ? 'no-repeat-customers' : undefined;
  const fit = failure
    ? unfittable(startVector, compressedBgNbdLogLikelihood(start, compressed), failure)
    : maximizeOverPositiveParameters((p) => compressedBgNbdLogLikelihood(toParams(p), compressed), startVector, options);
  return { ...fit, params: toParams(fit.params) };
}

// Fader, Hardie & Lee (2005), eq. 9, computed as eq. 10 with x = t_x = T = 0.
export function expectedPurchases(params: BgNbdParams, t: number): number {
  return conditionalExpectedPurchases(params, t, 0, 0, 0);
}

// Fader, Hardie & Lee (2005), eq. 10.
export function conditionalExpectedPurchases(
  params: BgNbdParams,
  t: number,
  x: number,
  tx: number,
  T: number,
): number {
  return expectedPurchasesIfAlive(params, t, x, T) * probabilityAlive(params, x, tx, T);
}

/**
 * E[X(t) | alive, x, T]: eq. 10 without its P(alive) factor. It does not depend on t_x, so callers predicting for
 * many customers can share it between customers with the same x and T.
 */
export function expectedPurchasesIfAlive(params: BgNbdParams, t: number, x: number, T: number): number {
  if (t <= 0) return 0;
  const z = t / (params.alpha + T + t);
  // a = 1 is a removable 0/0; average the two sides.
  const h = 1e-6;
  return Math.abs(params.a - 1) < h
    ? (expectedPurchasesIfAliveAt(params, 1 - h, x, z) + expectedPurchasesIfAliveAt(params, 1 + h, x, z)) / 2
    : expectedPurchasesIfAliveAt(params, params.a, x, z);
}

// Euler's transformation turns ((α+T)/(α+T+t))^(r+x)·2F1(r+x, b+x; a+b+x−1; z) into
// (1−z)^(a−1)·2F1(a+b−1−r, a−1; a+b+x−1; z), whose parameters stay bounded as x grows. A module-level function,
// not a closure: this runs a dozen times per customer.
function expectedPurchasesIfAliveAt({ r, b }: BgNbdParams, a: number, x: number, z: number): number {
  return ((a + b + x - 1) / (a - 1)) * (1 - Math.pow(1 - z, a - 1) * hyp2f1(a + b - 1 - r, a - 1, a + b + x - 1, z));
}

// Fader, Hardie & Lee (2008), "Computing P(alive) using the BG/NBD model" (Hardie note 021); exactly 1 when x = 0.
export function probabilityAlive(params: BgNbdParams, x: number, tx: number, T: number): number {
  if (x === 0) return 1;
  const { r, alpha, a, b } = params;
  const logOddsDead =
    Math.log(a) - Math.log(b + x - 1) + (r + x) * (Math.log(alpha + T) - Math.log(alpha + tx));
  return logOddsDead > 0 ? Math.exp(-logOddsDead) / (1 + Math.exp(-logOddsDead)) : 1 / (1 + Math.exp(logOddsDead));
}

// Fader, Hardie & Lee (2005), eq. 8: P(X(t) = n) for a customer just acquired.
export function probabilityOfPurchases(params: BgNbdParams, t: number, n: number): number {
  const { r, alpha, a, b } = params;
  if (t <= 0) return n === 0 ? 1 : 0;
  const logStay = Math.log(alpha / (alpha + t));
  const logBuy = Math.log(t / (alpha + t));
  const logBetaAB = betaln(a, b);
  const logNegBin = (j: number): number =>
    gammaln(r + j) - gammaln(r) - gammaln(j + 1) + r * logStay + j * logBuy;

  const aliveThroughout = Math.exp(betaln(a, b + n) - logBetaAB + logNegBin(n));
  if (n === 0) return aliveThroughout;
  let belowN = 0;
  for (let j = 0; j < n; j++) belowN += Math.exp(logNegBin(j));
  const diedAfterNth = Math.exp(betaln(a + 1, b + n - 1) - logBetaAB) * Math.max(0, 1 - belowN);
  return aliveThroughout + diedAfterNth;
}

/** r = 1 and α so that the mean purchase rate r/α is the observed Σx / ΣT; a = 1, b = 3 (a mean dropout of 1/4). */
function startingPoint(data: RepeatPurchaseData): BgNbdParams {
  let purchases = 0;
  let time = 0;
  for (let i = 0; i < data.frequency.length; i++) {
    purchases += data.frequency[i];
    time += data.T[i];
  }
  const rate = purchases > 0 && time > 0 ? purchases / time : 1;
  return { r: 1, alpha: 1 / rate, a: 1, b: 3 };
}
