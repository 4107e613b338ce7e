export type Objective = (x: Float64Array) => number;

export interface NelderMeadOptions {
  /** Initial simplex edge per coordinate; default 5% of |x0_i| (0.00025 where x0_i = 0), as SciPy. */
  initialStep?: number | readonly number[];
  /** Stop when every vertex is within this distance (per coordinate) of the best one… (default 1e-8) */
  xTolerance?: number;
  /** …and every vertex value is within this of the best value (default 1e-8). */
  fTolerance?: number;
  /** Default 200 per coordinate. */
  maxIterations?: number;
  /** Default 400 per coordinate. */
  maxEvaluations?: number;
  /**
   * After converging, probe ±restartStep along each axis and restart from any point that is lower,
   * at most this many times; guards against a simplex that collapsed before reaching the minimum.
   */
  restarts?: number;
  /** Probe distance and simplex edge for restarts; default 1e-3. */
  restartStep?: number;
}

export interface NelderMeadResult {
  x: number[];
  fx: number;
  iterations: number;
  evaluations: number;
  converged: boolean;
}

interface Vertex {
  x: Float64Array;
  fx: number;
}

// Nelder & Mead (1965), Computer Journal 7(4); dimension-adaptive coefficients of Gao & Han (2012), Comput. Optim. Appl. 51.
export function nelderMead(
  objective: Objective,
  x0: readonly number[],
  options: NelderMeadOptions = {},
): NelderMeadResult {
  const n = x0.length;
  if (n === 0) throw new Error('nelderMead needs at least one coordinate');
  const maxIterations = options.maxIterations ?? 200 * n;
  const maxEvaluations = options.maxEvaluations ?? 400 * n;
  const restarts = options.restarts ?? 0;
  const restartStep = options.restartStep ?? 1e-3;

  let result = runSimplex(objective, x0, options, maxIterations, maxEvaluations);
  for (let run = 0; run < restarts && result.converged; run++) {
    const probe = probeAround(objective, result, restartStep, options.fTolerance ?? 1e-8);
    result = { ...result, evaluations: result.evaluations + probe.evaluations };
    if (!probe.better) break;
    const next = runSimplex(
      objective,
      probe.better,
      { ...options, initialStep: restartStep },
      maxIterations - result.iterations,
      maxEvaluations - result.evaluations,
    );
    result = {
      ...(next.fx <= result.fx ? next : result),
      converged: next.converged,
      iterations: result.iterations + next.iterations,
      evaluations: result.evaluations + next.evaluations,
    };
  }
  return result;
}

function runSimplex(
  objective: Objective,
  x0: readonly number[],
  options: NelderMeadOptions,
  maxIterations: number,
  maxEvaluations: number,
): NelderMeadResult {
  const n = x0.length;
  const xTolerance = options.xTolerance ?? 1e-8;
  const fTolerance = options.fTolerance ?? 1e-8;
  const reflect = 1;
  const expand = 1 + 2 / n;
  const contract = 0.75 - 1 / (2 * n);
  const shrink = 1 - 1 / n;

  let evaluations = 0;
  // NaN is treated as +Infinity so an undefined region never wins a comparison.
  const evaluate = (x: Float64Array): Vertex => {
    evaluations++;
    const fx = objective(x);
    return { x, fx: Number.isNaN(fx) ? Infinity : fx };
  };

  const simplex: Vertex[] = [evaluate(Float64Array.from(x0))];
  for (let i = 0; i < n; i++) {
    const x = Float64Array.from(x0);
    x[i] += initialStep(options.initialStep, x0, i);
    simplex.push(evaluate(x));
  }
  simplex.sort((u, v) => u.fx - v.fx);

  const centroid = new Float64Array(n);
  const along = (coefficient: number): Float64Array => {
    const worst = simplex[n].x;
    const x = new Float64Array(n);
    for (let j = 0; j < n; j++) x[j] = centroid[j] + coefficient * (centroid[j] - worst[j]);
    return x;
  };

  let iterations = 0;
  let converged = false;
  while (iterations < maxIterations && evaluations < maxEvaluations) {
    if (hasConverged(simplex, xTolerance, fTolerance)) {
      converged = true;
      break;
    }
    iterations++;

    centroid.fill(0);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) centroid[j] += simplex[i].x[j] / n;

    const reflected = evaluate(along(reflect));
    if (reflected.fx < simplex[0].fx) {
      const expanded = evaluate(along(reflect * expand));
      simplex[n] = expanded.fx < reflected.fx ? expanded : reflected;
    } else if (reflected.fx < simplex[n - 1].fx) {
      simplex[n] = reflected;
    } else {
      const outside = reflected.fx < simplex[n].fx;
      const contracted = evaluate(along(outside ? reflect * contract : -contract));
      if (outside ? contracted.fx <= reflected.fx : contracted.fx < simplex[n].fx) {
        simplex[n] = contracted;
      } else {
        const bestX = simplex[0].x;
        for (let i = 1; i <= n; i++) {
          const x = new Float64Array(n);
          for (let j = 0; j < n; j++) x[j] = bestX[j] + shrink * (simplex[i].x[j] - bestX[j]);
          simplex[i] = evaluate(x);
        }
      }
    }
    simplex.sort((u, v) => u.fx - v.fx);
  }
  if (!converged) converged = hasConverged(simplex, xTolerance, fTolerance);

  return { x: Array.from(simplex[0].x), fx: simplex[0].fx, iterations, evaluations, converged };
}

/** The lowest of the 2n axis neighbours at ±step if it beats the claimed minimum by more than fTolerance. */
function probeAround(
  objective: Objective,
  claimed: NelderMeadResult,
  step: number,
  fTolerance: number,
): { better?: number[]; evaluations: number } {
  let better: number[] | undefined;
  let lowest = claimed.fx - fTolerance;
  for (let i = 0; i < claimed.x.length; i++) {
    for (const sign of [-1, 1]) {
      const x = Float64Array.from(claimed.x);
      x[i] += sign * step;
      const fx = objective(x);
      if (fx < lowest) {
        lowest = fx;
        better = Array.from(x);
      }
    }
  }
  return { better, evaluations: 2 * claimed.x.length };
}

function initialStep(step: NelderMeadOptions['initialStep'], x0: readonly number[], i: number): number {
  if (typeof step === 'number') return step;
  if (step !== undefined) return step[i];
  return x0[i] !== 0 ? 0.05 * Math.abs(x0[i]) : 0.00025;
}

function hasConverged(simplex: Vertex[], xTolerance: number, fTolerance: number): boolean {
  const best = simplex[0];
  if (!Number.isFinite(best.fx)) return false;
  for (let i = 1; i < simplex.length; i++) {
    if (!(Math.abs(simplex[i].fx - best.fx) <= fTolerance)) return false;
    const x = simplex[i].x;
    for (let j = 0; j < x.length; j++) if (Math.abs(x[j] - best.x[j]) > xTolerance) return false;
  }
  return true;
}
