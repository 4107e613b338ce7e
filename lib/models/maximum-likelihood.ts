import { nelderMead, type Objective } from './nelder-mead';

/**
 * Why a fit is not to be trusted. Whenever `converged` is false the parameters are still finite
 * (the best point the search reached) but are not a maximum-likelihood estimate.
 * - `no-data`: nothing to fit on.
 * - `no-repeat-customers`: nobody bought twice, so the likelihood has no interior maximum.
 * - `not-identified`: the data do not pin the parameters down; the search drifted towards 0 or
 *   infinity in some direction (typically too few customers, or too few repeat buyers).
 * - `did-not-converge`: the simplex search ran out of iterations.
 */
export type FitFailure = 'no-data' | 'no-repeat-customers' | 'not-identified' | 'did-not-converge';

export interface FitOptions {
  maxIterations?: number;
}

export interface PositiveParameterFit {
  params: number[];
  logLikelihood: number;
  converged: boolean;
  iterations: number;
  failure?: FitFailure;
}

// Beyond e^±20 a parameter has run off to 0 or infinity.
const LOG_PARAMETER_BOUND = 20;
// A direction in log-parameter space with less curvature than this has a standard error above e^3
// (the parameters could be 20 times larger or smaller): the data do not identify it.
const MIN_CURVATURE = 1 / 9;
const CURVATURE_STEP = 1e-2;

/**
 * Maximises a log-likelihood over strictly positive parameters. The simplex searches log-parameters,
 * so it never leaves the domain and the tolerances are relative to each parameter's size.
 */
export function maximizeOverPositiveParameters(
  logLikelihood: (params: Float64Array) => number,
  start: readonly number[],
  options: FitOptions = {},
): PositiveParameterFit {
  const params = new Float64Array(start.length);
  const negativeLogLikelihood = (logParams: Float64Array): number => {
    for (let i = 0; i < logParams.length; i++) {
      if (Math.abs(logParams[i]) > LOG_PARAMETER_BOUND) return Infinity;
      params[i] = Math.exp(logParams[i]);
    }
    return -logLikelihood(params);
  };

  const result = nelderMead(negativeLogLikelihood, start.map(Math.log), {
    initialStep: 0.3,
    xTolerance: 1e-6,
    fTolerance: 1e-6,
    maxIterations: options.maxIterations ?? 2000,
    restarts: 1,
    restartStep: 1e-3,
  });
  const finite = Number.isFinite(result.fx);
  const atBound = result.x.some((logParam) => Math.abs(logParam) > LOG_PARAMETER_BOUND - 1);
  const identified =
    finite && !atBound && isSharpMinimum(negativeLogLikelihood, result.x, result.fx, MIN_CURVATURE, CURVATURE_STEP);
  const converged = result.converged && identified;
  return {
    params: result.x.map(Math.exp),
    logLikelihood: finite ? -result.fx : -Number.MAX_VALUE,
    converged,
    iterations: result.iterations,
    ...(converged ? {} : { failure: identified ? 'did-not-converge' : 'not-identified' }),
  };
}

/** A failed fit that never started: finite start parameters and their log-likelihood. */
export function unfittable(
  start: readonly number[],
  logLikelihood: number,
  failure: FitFailure,
): PositiveParameterFit {
  return { params: start.slice(), logLikelihood, converged: false, iterations: 0, failure };
}

/**
 * True when the Hessian of f at x (central differences) minus minCurvature·I is finite and positive
 * definite, i.e. f curves upward by at least minCurvature in every direction, ridges included.
 */
export function isSharpMinimum(f: Objective, x: readonly number[], fx: number, minCurvature: number, h: number): boolean {
  const n = x.length;
  const at = (i: number, si: number, j: number, sj: number): number => {
    const point = Float64Array.from(x);
    point[i] += si * h;
    point[j] += sj * h;
    return f(point);
  };
  const hessian: number[][] = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    hessian[i][i] = (at(i, 1, i, 0) - 2 * fx + at(i, -1, i, 0)) / (h * h);
    for (let j = 0; j < i; j++) {
      const cross = (at(i, 1, j, 1) - at(i, 1, j, -1) - at(i, -1, j, 1) + at(i, -1, j, -1)) / (4 * h * h);
      hessian[i][j] = cross;
      hessian[j][i] = cross;
    }
  }
  if (!hessian.every((row) => row.every(Number.isFinite))) return false;
  return choleskySucceeds(hessian.map((row, i) => row.map((value, j) => (i === j ? value - minCurvature : value))));
}

function choleskySucceeds(matrix: number[][]): boolean {
  const n = matrix.length;
  const lower: number[][] = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = matrix[i][j];
      for (let k = 0; k < j; k++) sum -= lower[i][k] * lower[j][k];
      if (i === j) {
        if (!(sum > 0)) return false;
        lower[i][i] = Math.sqrt(sum);
      } else {
        lower[i][j] = sum / lower[j][j];
      }
    }
  }
  return true;
}
