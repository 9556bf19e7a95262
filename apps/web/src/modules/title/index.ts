/** What other modules of the SPA may use from the title module. */
export { useTitleName, useTitleOptions } from './hooks';
