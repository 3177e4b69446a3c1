/**
 * Surveys and democratic appraisal (#15): what other modules may import from it.
 */
export {};
