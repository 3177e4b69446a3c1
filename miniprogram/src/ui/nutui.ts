/**
 * The NutUI components we use, imported one by one with their own CSS. Importing the package root
 * or dist/style.css would pull every component's styles into the main package (see STACK-NOTES).
 * Add a component here, with its style/css line, before using it anywhere. The button is NutUI's
 * made keyboard- and screen-reader-accessible in h5 (components/a11y/Button.tsx imports it).
 */
import Skeleton from '@nutui/nutui-react-taro/dist/es/packages/skeleton';
import '@nutui/nutui-react-taro/dist/es/packages/skeleton/style/css';

export { Button } from '../components/a11y/Button';
export { Skeleton };
