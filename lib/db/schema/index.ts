export * from './identity';
export * from './customers';
export * from './metrics';
export * from './jobs';
export * from './imports';
export * from './team';
export * from './segments';
export * from './valuation';
