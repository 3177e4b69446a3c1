/** The party module's routes (issue #14): organisations, member files, the admission pipeline. */
export * from './common';
export * from './orgs';
export * from './members';
export * from './admissions';
export * from './meetings';
export * from './notices';
export * from './records';
export * from './mp';
export * from './archive';
