/** Jest globalTeardown: the run's temp folder removed (temp-root.ts). */
import { removeTempRoot } from './temp-root';

export default function globalTeardown(): void {
  removeTempRoot();
}
