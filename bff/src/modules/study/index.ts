/**
 * The online party school (#15): what other modules may import from it.
 */
export {};
