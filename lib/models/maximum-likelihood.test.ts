import { describe, expect, it } from 'vitest';
import { isSharpMinimum, maximizeOverPositiveParameters } from './maximum-likelihood';

describe('maximizeOverPositiveParameters', () => {
  it('finds the closed-form maximum of a gamma likelihood', () => {
    // Exponential waiting times with rate λ: LL = n·ln λ − λ·Σt, maximised at λ = n / Σt.
    const times = [0.5, 1.2, 3.1, 0.7, 2.2, 0.9];
    const total = times.reduce((sum, t) => sum + t, 0);
    const fit = maximizeOverPositiveParameters(([rate]) => times.length * Math.log(rate) - rate * total, [1]);
    expect(fit.converged).toBe(true);
    expect(fit.params[0]).toBeCloseTo(times.length / total, 5);
    expect(fit.logLikelihood).toBeCloseTo(times.length * Math.log(times.length / total) - times.length, 8);
  });

  it('reports not-identified when the likelihood only depends on a ratio of parameters', () => {
    const fit = maximizeOverPositiveParameters(([u, v]) => -((Math.log(u / v) - 1) ** 2), [1, 1]);
    expect(fit.converged).toBe(false);
    expect(fit.failure).toBe('not-identified');
    expect(fit.params.every(Number.isFinite)).toBe(true);
  });

  it('reports not-identified when the maximum lies at infinity', () => {
    const fit = maximizeOverPositiveParameters(([u]) => -1 / u, [1]);
    expect(fit).toMatchObject({ converged: false, failure: 'not-identified' });
    expect(Number.isFinite(fit.params[0]) && Number.isFinite(fit.logLikelihood)).toBe(true);
  });

  it('reports did-not-converge when the iteration budget runs out', () => {
    const fit = maximizeOverPositiveParameters(
      ([u, v]) => -((Math.log(u) - 2) ** 2) - 10 * (Math.log(v) + 1) ** 2,
      [1, 1],
      { maxIterations: 3 },
    );
    expect(fit).toMatchObject({ converged: false, failure: 'did-not-converge' });
  });
});

describe('isSharpMinimum', () => {
  it('accepts a bowl and rejects a valley with a flat floor', () => {
    const bowl = (x: Float64Array) => x[0] ** 2 + 3 * x[1] ** 2 + x[0] * x[1];
    const valley = (x: Float64Array) => (x[0] - x[1]) ** 2;
    expect(isSharpMinimum(bowl, [0, 0], 0, 0.1, 1e-2)).toBe(true);
    expect(isSharpMinimum(valley, [0, 0], 0, 0.1, 1e-2)).toBe(false);
  });
});
