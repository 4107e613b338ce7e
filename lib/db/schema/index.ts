export * from './identity';
export * from './customers';
