export * from './common';
export * from './surveys';
export * from './appraisals';
export * from './mp';
