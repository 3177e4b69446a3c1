import './h5.css';

export {};
