export * from './operators';
export * from './partners';
export * from './clients';
export * from './audit';
export * from './api';
export * from './webhooks';
export * from './onboarding';
export * from './sessions';
