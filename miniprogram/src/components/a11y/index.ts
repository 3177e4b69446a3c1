/** Accessible building blocks every page uses (docs/ACCESSIBILITY.md, "Mini-program"). */
export { aria, isH5, type A11yRole } from './aria';
export { Button } from './Button';
export { ChoiceGroup } from './ChoiceGroup';
export { fieldLabel } from './field-label';
export { FormRow } from './FormRow';
export { Heading } from './Heading';
export { rovingIndex, tabStopIndex } from './roving';
export { Screen } from './Screen';
export { Tappable, type DataAttributes, type TappableProps } from './Tappable';
export { Toggle } from './Toggle';
