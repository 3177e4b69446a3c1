/** The party school's routes (issue #15): courses, progress, points, analysis. */
export * from './lessons';
export * from './courses';
export * from './mp-courses';
export * from './progress';
export * from './points';
export * from './analysis';
