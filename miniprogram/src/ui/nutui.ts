/**
 * The NutUI components we use, imported one by one with their own CSS. Importing the package root
 * or dist/style.css would pull every component's styles into the main package (see STACK-NOTES).
 * Add a component here, with its style/css line, before using it anywhere.
 */
import Button from '@nutui/nutui-react-taro/dist/es/packages/button';
import Skeleton from '@nutui/nutui-react-taro/dist/es/packages/skeleton';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/skeleton/style/css';

export { Button, Skeleton };
