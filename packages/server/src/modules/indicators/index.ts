export { createIndicator, getIndicator, listIndicators, listIndicatorSets, updateIndicator } from './service.ts';
export { exportIndicators, importIndicators } from './exchange.ts';
export { seedReferenceData } from './demo.ts';
