// Shared by the fixture modules: notes that a module was evaluated.
export function recordEvaluation(id) {
  globalThis.__driverFixtureEvaluations ??= [];
  globalThis.__driverFixtureEvaluations.push(id);
}
