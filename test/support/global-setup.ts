/** Jest globalSetup: the run's temp folder (temp-root.ts). */
import { createTempRoot } from './temp-root';

export default function globalSetup(): void {
  createTempRoot();
}
