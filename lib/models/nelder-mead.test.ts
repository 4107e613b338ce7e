import { describe, expect, it } from 'vitest';
import { nelderMead } from './nelder-mead';

const rosenbrock = (x: Float64Array): number => {
  let sum = 0;
  for (let i = 0; i + 1 < x.length; i++) sum += 100 * (x[i + 1] - x[i] ** 2) ** 2 + (1 - x[i]) ** 2;
  return sum;
};

describe('nelderMead', () => {
  it('finds the Rosenbrock minimum from the classic start (−1.2, 1)', () => {
    const result = nelderMead(rosenbrock, [-1.2, 1], { xTolerance: 1e-10, fTolerance: 1e-14 });
    expect(result.converged).toBe(true);
    expect(result.x[0]).toBeCloseTo(1, 6);
    expect(result.x[1]).toBeCloseTo(1, 6);
    expect(result.fx).toBeLessThan(1e-12);
    expect(result.iterations).toBeGreaterThan(0);
    expect(result.evaluations).toBeGreaterThan(result.iterations);
  });

  it('finds the 4-dimensional Rosenbrock minimum (the dimension of BG/NBD)', () => {
    const result = nelderMead(rosenbrock, [-1, 1.5, 0.5, -0.5], {
      xTolerance: 1e-9,
      fTolerance: 1e-14,
      maxIterations: 20_000,
      maxEvaluations: 40_000,
      restarts: 3,
    });
    expect(result.converged).toBe(true);
    for (const xi of result.x) expect(xi).toBeCloseTo(1, 5);
  });

  it('minimises a shifted, badly scaled quadratic in 6 dimensions', () => {
    const centre = [3, -2, 0.5, 100, -40, 7];
    const scale = [1, 10, 0.1, 1000, 1, 5];
    const quadratic = (x: Float64Array) => centre.reduce((sum, c, i) => sum + scale[i] * (x[i] - c) ** 2, 0);
    const result = nelderMead(quadratic, [0, 0, 0, 0, 0, 0], {
      initialStep: 1,
      xTolerance: 1e-9,
      fTolerance: 1e-16,
      maxIterations: 20_000,
      maxEvaluations: 40_000,
      restarts: 2,
    });
    expect(result.converged).toBe(true);
    result.x.forEach((xi, i) => expect(xi).toBeCloseTo(centre[i], 5));
  });

  it('works in one dimension', () => {
    const result = nelderMead((x) => (x[0] - Math.PI) ** 2, [0], { xTolerance: 1e-12, fTolerance: 1e-20 });
    expect(result.converged).toBe(true);
    expect(result.x[0]).toBeCloseTo(Math.PI, 10);
  });

  it('steers around a region where the objective is NaN or infinite', () => {
    const logBarrier = (x: Float64Array) => (x[0] <= 0 ? NaN : x[1] < 0 ? Infinity : x[0] - Math.log(x[0]) + (x[1] - 2) ** 2);
    const result = nelderMead(logBarrier, [0.2, 0.1], { xTolerance: 1e-9, fTolerance: 1e-14 });
    expect(result.converged).toBe(true);
    expect(result.x[0]).toBeCloseTo(1, 6);
    expect(result.x[1]).toBeCloseTo(2, 6);
  });

  it('reports converged: false when the iteration budget runs out, with the best point so far', () => {
    const result = nelderMead(rosenbrock, [-1.2, 1], { maxIterations: 10 });
    expect(result.converged).toBe(false);
    expect(result.iterations).toBe(10);
    expect(result.fx).toBeLessThan(rosenbrock(Float64Array.from([-1.2, 1])));
    expect(Number.isFinite(result.fx)).toBe(true);
  });

  it('does not converge on an unbounded objective', () => {
    const result = nelderMead((x) => x[0] + x[1], [0, 0], { maxIterations: 500 });
    expect(result.converged).toBe(false);
    expect(result.fx).toBeLessThan(-1e6);
  });

  it('honours a per-coordinate initial step and leaves the start untouched', () => {
    const start = [10, 10];
    const result = nelderMead((x) => (x[0] - 1) ** 2 + (x[1] + 1) ** 2, start, {
      initialStep: [2, 0.5],
      xTolerance: 1e-10,
      fTolerance: 1e-18,
    });
    expect(start).toEqual([10, 10]);
    expect(result.x[0]).toBeCloseTo(1, 8);
    expect(result.x[1]).toBeCloseTo(-1, 8);
  });

  it('rejects an empty start', () => {
    expect(() => nelderMead(() => 0, [])).toThrow();
  });
});
